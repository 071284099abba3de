package hk.hkgai.ingest.feed;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.ingest.text.UrlCanonicalizer;
import hk.hkgai.text.DocumentIds;
import hk.hkgai.text.Lang;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** What every feed format shares: ids, links and the fields a feed item always carries. */
final class FeedItems {
    private FeedItems() {
    }

    /**
     * An item of {@code feed} with its source, feed id, origin and receive time. Language: the operator's hint
     * for the feed wins over what the document says about an entry ({@code own}); neither: detected later.
     */
    static NewsItem.Builder item(FeedDefinition feed, Instant receivedAt, Optional<Lang> own) {
        return NewsItem.newBuilder()
                .setSource(feed.source())
                .setLanguage(feed.language().or(() -> own).map(Lang::code).orElse(""))
                .setReceivedAt(Protos.timestamp(receivedAt))
                .setFeedId(feed.id())
                .setOrigin(FeedParser.ORIGIN);
    }

    /**
     * The entry's link identifies the story (canonical URL, so tracking parameters do not matter); without one,
     * its guid/id (globally unique when it is a URI, unique within the feed otherwise); without either, its content.
     */
    static String docId(FeedDefinition feed, String link, String guid, String title, String text) {
        if (link != null && !link.isBlank()) {
            return UrlCanonicalizer.docId(link);
        }
        if (guid != null && !guid.isBlank()) {
            String g = guid.strip();
            return isAbsolute(g) ? UrlCanonicalizer.docId(g) : DocumentIds.fromUrl("guid:" + feed.id() + ":" + g);
        }
        return DocumentIds.fromContent(title, text);
    }

    /** The link resolved against the feed's URL and canonicalized; null when there is none. */
    static String link(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String absolute;
        try {
            absolute = base.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            absolute = link.strip();
        }
        return UrlCanonicalizer.canonicalize(absolute);
    }

    /** A dead-letter entry for a feed entry that cannot become an item; keyed by its content, stable across polls. */
    static ParsedFeed.Rejected rejected(FeedDefinition feed, String reasonCode, String reason, byte[] raw) {
        return new ParsedFeed.Rejected(DocumentIds.fromContent(feed.id(), new String(raw, StandardCharsets.UTF_8)),
                reasonCode, reason, raw);
    }

    static boolean isAbsolute(String uri) {
        try {
            return new URI(uri).isAbsolute();
        } catch (Exception e) {
            return false;
        }
    }

    static String oneLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
