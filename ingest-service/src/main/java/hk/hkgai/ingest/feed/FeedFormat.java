package hk.hkgai.ingest.feed;

import java.util.Locale;
import java.util.Optional;

/** How a feed document is written; the {@code format} field of the feed list. */
public enum FeedFormat {
    /** RSS 0.9x/1.0/2.0 or Atom 0.3/1.0: ROME tells them apart by the document itself ("rss" and "atom" both mean this). */
    RSS_ATOM("rss-atom"),
    /** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1). */
    JSON_FEED("jsonfeed"),
    /** Hong Kong Observatory open data: the warnsum or warningInfo dataset (the shape tells which). */
    HKO_WARNINGS("hko-warnings");

    private final String code;

    FeedFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<FeedFormat> fromCode(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(RSS_ATOM);
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "rss", "atom", "rss-atom" -> Optional.of(RSS_ATOM);
            case "jsonfeed", "json-feed" -> Optional.of(JSON_FEED);
            case "hko-warnings", "hko" -> Optional.of(HKO_WARNINGS);
            default -> Optional.empty();
        };
    }
}
