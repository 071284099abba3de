package hk.hkgai.ingest.dedup;

import hk.hkgai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Exact and near-duplicate detection across feeds and pushes (config {@code hkgai.ingest.dedup.*}):
 * fingerprints an item's folded text and consults the window of recent items.
 */
@ApplicationScoped
public class Deduplicator {
    /** A fingerprint and whether it is long enough to cluster on. */
    public record Fingerprint(long simhash, boolean clusterable) {
    }

    private final boolean enabled;
    private final int minChars;
    private final DedupWindow window;

    @Inject
    public Deduplicator(IngestConfig config) {
        this(config.dedup().enabled(), config.dedup().minChars(),
                new DedupWindow(config.dedup().windowSize(), config.dedup().windowAge(), config.dedup().maxDistance()));
    }

    public Deduplicator(boolean enabled, int minChars, DedupWindow window) {
        this.enabled = enabled;
        this.minChars = minChars;
        this.window = window;
    }

    public Fingerprint fingerprint(String title, String text) {
        String folded = TextFolding.fold(title, text);
        return new Fingerprint(SimHash.of(folded), folded.codePointCount(0, folded.length()) >= minChars);
    }

    public Verdict admit(String docId, String contentHash, Fingerprint fingerprint, Instant now) {
        if (!enabled) {
            return new Verdict.Keep(docId, null);
        }
        return window.admit(docId, contentHash, fingerprint.simhash(), fingerprint.clusterable(), now);
    }
}
