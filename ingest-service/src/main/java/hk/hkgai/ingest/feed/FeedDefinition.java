package hk.hkgai.ingest.feed;

import hk.hkgai.text.Lang;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One feed to poll, as configured.
 *
 * @param id       stable id (metrics tag, NewsItem.feed_id)
 * @param url      the feed URL; may contain {@code ${self}} (this service's own base URL)
 * @param source   display name carried to citations, e.g. "RTHK"
 * @param language a hint the operator asserts for every entry; empty: detect per entry
 * @param interval time between two polls while the feed is healthy
 * @param format   how the document is written
 * @param timezone the zone of dates that the feed writes without one (local times are common in HK feeds)
 */
public record FeedDefinition(String id, String url, String source, Optional<Lang> language, Duration interval,
                             boolean enabled, FeedFormat format, ZoneId timezone) {
    public static final String SELF = "${self}";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Hong_Kong");

    /** An RSS/Atom feed whose zone-less dates are Hong Kong time. */
    public FeedDefinition(String id, String url, String source, Optional<Lang> language, Duration interval, boolean enabled) {
        this(id, url, source, language, interval, enabled, FeedFormat.RSS_ATOM, DEFAULT_ZONE);
    }

    public URI resolve(String selfBaseUrl) {
        String base = selfBaseUrl.endsWith("/") ? selfBaseUrl.substring(0, selfBaseUrl.length() - 1) : selfBaseUrl;
        return URI.create(url.replace(SELF, base));
    }
}
