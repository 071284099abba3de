package hk.hkgai.contracts;

/**
 * Every Kafka topic of the mesh, named once. Services use these constants as their channel names, so
 * the topic name appears nowhere else (no per-service topic properties to drift apart).
 * The suffix is the payload's protobuf package version; a breaking payload change gets a new topic.
 */
public final class Topics {
    /** {@code hkgai.events.v1.NewsItem}, key doc_id: items from feeds and the push API, before chunking. */
    public static final String NEWS_RAW = "hkgai.news.raw.v1";
    /** {@code hkgai.events.v1.Chunk}, key doc_id: searchable chunks, consumed by the retrieval indexer. */
    public static final String NEWS_CHUNKS = "hkgai.news.chunks.v1";
    /** Items that could not be processed, with the reason in headers. */
    public static final String NEWS_DEAD_LETTER = "hkgai.news.dlq.v1";
    /** {@code hkgai.events.v1.AuditEvent}, key tenant: one per gateway request. */
    public static final String AUDIT = "hkgai.audit.v1";
    /** {@code hkgai.events.v1.SafetyDecision}, key request_id: one per guard decision. */
    public static final String SAFETY_DECISIONS = "hkgai.safety.decisions.v1";

    private Topics() {
    }
}
