package hk.hkgai.ingest.feed;

import hk.hkgai.text.Lang;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One feed to poll, as configured.
 *
 * @param id       stable id (metrics tag, NewsItem.feed_id)
 * @param url      the feed URL; may contain {@code ${self}} (this service's own base URL)
 * @param source   display name carried to citations, e.g. "RTHK"
 * @param language a hint the operator asserts for every entry; empty: detect per entry
 * @param interval time between two polls while the feed is healthy
 */
public record FeedDefinition(String id, String url, String source, Optional<Lang> language, Duration interval,
                             boolean enabled) {
    public static final String SELF = "${self}";

    public URI resolve(String selfBaseUrl) {
        String base = selfBaseUrl.endsWith("/") ? selfBaseUrl.substring(0, selfBaseUrl.length() - 1) : selfBaseUrl;
        return URI.create(url.replace(SELF, base));
    }
}
