package hk.hkgai.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** A fetched feed document to items, by the feed's configured format. */
public final class FeedParser {
    public static final String ORIGIN = "feed";

    private FeedParser() {
    }

    /**
     * @param body        the feed document as fetched
     * @param contentType the HTTP Content-Type (its charset is used unless the document itself says otherwise)
     * @param feedUri     the URL the document came from (relative entry links are resolved against it)
     * @throws FeedFetchException with reason {@code parse} when the document as a whole cannot be read
     */
    public static ParsedFeed parse(FeedDefinition feed, URI feedUri, byte[] body, Optional<String> contentType,
                                   Instant receivedAt) {
        return switch (feed.format()) {
            case RSS_ATOM -> RssAtomParser.parse(feed, feedUri, body, contentType, receivedAt);
            case JSON_FEED -> JsonFeedParser.parse(feed, feedUri, body, contentType, receivedAt);
            case HKO_WARNINGS -> HkoWarningParser.parse(feed, body, contentType, receivedAt);
        };
    }
}
