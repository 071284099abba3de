package hk.hkgai.ingest.dedup;

/** What the duplicate check decided about one item. */
public sealed interface Verdict {
    /** The same content (content hash) was already processed under another doc id: drop this copy. */
    record Drop(String duplicateOf) implements Verdict {
    }

    /**
     * Process it. {@code clusterId} is the doc id of the first item of its near-duplicate cluster (its own doc
     * id when it has none); {@code nearDuplicateOf} the closest earlier item, or null.
     */
    record Keep(String clusterId, String nearDuplicateOf) implements Verdict {
    }
}
