package hk.hkgai.gateway.ops;

import java.time.Instant;
import java.util.List;

/** What GET /ops/api/status answers (snake_case on the wire, like the rest of the API). */
public record OpsStatus(
        Instant generatedAt,
        List<ServiceHealth> services,
        RequestRate requestRate,
        List<SafetyActionCount> safetyActions,
        List<FeedFreshness> feeds,
        Models models) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String UNKNOWN = "UNKNOWN";

    /**
     * One part of the mesh. {@code status} is UP, DOWN or UNKNOWN; {@code source} says how it was found (http
     * readiness, grpc channel state, kafka admin, retrieval readiness); {@code grpc} is the gateway's channel state
     * to it, where the gateway has one.
     */
    public record ServiceHealth(String name, String status, String detail, String source, String grpc, Long latencyMs) {
    }

    /** API traffic through this gateway replica ({@code /v1/*}), averaged over {@code windowSeconds}. */
    public record RequestRate(double perSecond, double errorsPerSecond, double windowSeconds, long requestsTotal,
                              long serverErrorsTotal, long rateLimitedTotal, double chatsInFlight) {
    }

    /** A count of guard verdicts since this replica started. */
    public record SafetyActionCount(String stage, String action, String category, long count) {
    }

    /** One ingest feed as ingest reports it (GET /v1/feeds). */
    public record FeedFreshness(String id, String source, String format, boolean healthy, String circuit,
                                Long lagSeconds, Instant lastSuccess, Instant newestItemAt, Long newestItemAgeSeconds,
                                Integer consecutiveFailures, String lastError) {
    }

    /** The models the inference worker serves ({@code backend}: extractive, onnx, openai-upstream, bge-onnx). */
    public record Models(String defaultAlias, List<Model> data, String error) {
    }

    public record Model(String id, String kind, String backend, String ownedBy) {
    }
}
