package hk.hkgai.ingest.feed;

import hk.hkgai.contracts.events.v1.NewsItem;
import java.util.List;

/**
 * What one feed document held: the items to publish, and entries that can never become an item (a JSON Feed
 * entry that is not an object, an HKO warning without a code). Those go to the dead-letter topic, like items
 * the processor rejects, and the rest of the feed goes on.
 */
public record ParsedFeed(List<NewsItem> items, List<Rejected> rejected) {
    public ParsedFeed {
        items = List.copyOf(items);
        rejected = List.copyOf(rejected);
    }

    /**
     * @param key        dead-letter key: stable for the same entry (so replays and re-polls are recognisable)
     * @param reasonCode machine-readable, e.g. {@code malformed_entry}
     * @param reason     for people; never the entry's content
     * @param payload    the entry as the feed wrote it (UTF-8)
     */
    public record Rejected(String key, String reasonCode, String reason, byte[] payload) {
    }
}
