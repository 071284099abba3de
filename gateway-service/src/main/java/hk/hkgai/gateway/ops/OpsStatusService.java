package hk.hkgai.gateway.ops;

import com.fasterxml.jackson.databind.JsonNode;
import hk.hkgai.gateway.client.MeshClients;
import hk.hkgai.gateway.config.GatewayConfig;
import hk.hkgai.gateway.ops.OpsStatus.FeedFreshness;
import hk.hkgai.gateway.ops.OpsStatus.ServiceHealth;
import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the ops page shows, gathered in parallel, each part with its own short budget, so the answer comes
 * within ~2.5 s whatever is down:
 * <ul>
 *   <li>safety, retrieval, inference, ingest: their HTTP readiness ({@code /q/health/ready}); where that cannot be
 *       reached (e.g. a NetworkPolicy that only lets the gateway reach gRPC ports), the gateway's gRPC channel
 *       state decides (READY = UP), and {@code source} says so;</li>
 *   <li>the gateway itself: ready unless the guard is unreachable (the same rule as its readiness check);</li>
 *   <li>Kafka: describeCluster from the gateway; OpenSearch: the "opensearch" check of retrieval's readiness;</li>
 *   <li>request rate, safety verdicts: this replica's own meters; feeds: ingest's {@code GET /v1/feeds};
 *       models: the worker's ListModels (as {@code GET /v1/models}).</li>
 * </ul>
 */
@ApplicationScoped
public class OpsStatusService {
    private final OpsConfig config;
    private final HttpProbe http;
    private final KafkaProbe kafka;
    private final RequestRateSampler rate;
    private final MeterRegistry registry;
    private final MeshClients mesh;
    private final String defaultAlias;
    private final Channel safetyChannel;
    private final Channel retrievalChannel;
    private final Channel inferenceChannel;

    public OpsStatusService(OpsConfig config, HttpProbe http, KafkaProbe kafka, RequestRateSampler rate, MeterRegistry registry,
                            MeshClients mesh, GatewayConfig gateway,
                            @GrpcClient("safety") Channel safetyChannel, @GrpcClient("retrieval") Channel retrievalChannel,
                            @GrpcClient("inference") Channel inferenceChannel) {
        this.config = config;
        this.http = http;
        this.kafka = kafka;
        this.rate = rate;
        this.registry = registry;
        this.mesh = mesh;
        this.defaultAlias = gateway.defaultModelAlias();
        this.safetyChannel = safetyChannel;
        this.retrievalChannel = retrievalChannel;
        this.inferenceChannel = inferenceChannel;
    }

    public Uni<OpsStatus> status() {
        String safetyGrpc = state(safetyChannel);
        String retrievalGrpc = state(retrievalChannel);
        String inferenceGrpc = state(inferenceChannel);
        Uni<HttpProbe.Result> retrievalReady = http.get(config.retrievalUrl(), "/q/health/ready").memoize().indefinitely();
        Uni<ServiceHealth> safety = http.get(config.safetyUrl(), "/q/health/ready").map(r -> service("safety", r, safetyGrpc));
        Uni<ServiceHealth> retrieval = retrievalReady.map(r -> service("retrieval", r, retrievalGrpc));
        Uni<ServiceHealth> inference = http.get(config.inferenceUrl(), "/q/health/ready").map(r -> service("inference", r, inferenceGrpc));
        Uni<ServiceHealth> ingest = http.get(config.ingestUrl(), "/q/health/ready").map(r -> service("ingest", r, null));
        Uni<ServiceHealth> opensearch = retrievalReady.map(OpsStatusService::opensearch);
        Uni<List<FeedFreshness>> feeds = http.get(config.ingestUrl(), "/v1/feeds").map(OpsStatusService::feeds);
        Uni<OpsStatus.Models> models = models();
        ServiceHealth gateway = gateway(safetyGrpc);
        List<Uni<?>> all = List.of(safety, retrieval, inference, ingest, kafka.check(), opensearch, feeds, models);
        return Uni.combine().all().unis(all)
                .with(parts -> {
                    List<ServiceHealth> services = new ArrayList<>();
                    services.add(gateway);
                    for (int i = 0; i < 6; i++) {
                        services.add((ServiceHealth) parts.get(i));
                    }
                    @SuppressWarnings("unchecked")
                    List<FeedFreshness> feedList = (List<FeedFreshness>) parts.get(6);
                    return new OpsStatus(Instant.now(), services, rate.rate(), safetyActions(), feedList, (OpsStatus.Models) parts.get(7));
                });
    }

    private static ServiceHealth gateway(String safetyGrpc) {
        boolean guardReachable = !safetyGrpc.equals(ConnectivityState.TRANSIENT_FAILURE.name()) && !safetyGrpc.equals(ConnectivityState.SHUTDOWN.name());
        return new ServiceHealth("gateway", guardReachable ? OpsStatus.UP : OpsStatus.DOWN,
                guardReachable ? "serving" : "not ready: the guard (safety) is unreachable, every answer is a 503", "self", null, 0L);
    }

    /** HTTP readiness when it answered (200 = UP, 503 = DOWN with the failing checks); else the gRPC channel. */
    static ServiceHealth service(String name, HttpProbe.Result r, String grpc) {
        if (r.answered()) {
            boolean up = r.status() == 200 && r.body() != null && "UP".equals(r.body().path("status").asText());
            String detail = up ? "ready" : "not ready (HTTP " + r.status() + ")" + failingChecks(r.body());
            return new ServiceHealth(name, up ? OpsStatus.UP : OpsStatus.DOWN, detail, "http readiness", grpc, r.latencyMs());
        }
        if (grpc == null) {
            return new ServiceHealth(name, OpsStatus.DOWN, "health endpoint: " + r.error(), "http readiness", null, r.latencyMs());
        }
        String status = switch (grpc) {
            case "READY" -> OpsStatus.UP;
            case "TRANSIENT_FAILURE", "SHUTDOWN" -> OpsStatus.DOWN;
            default -> OpsStatus.UNKNOWN;
        };
        return new ServiceHealth(name, status, "health endpoint: " + r.error() + "; gRPC channel " + grpc, "grpc channel", grpc, r.latencyMs());
    }

    private static String failingChecks(JsonNode body) {
        if (body == null) {
            return "";
        }
        List<String> down = new ArrayList<>();
        body.path("checks").forEach(c -> {
            if (!"UP".equals(c.path("status").asText())) {
                down.add(c.path("name").asText());
            }
        });
        return down.isEmpty() ? "" : ": " + String.join(", ", down);
    }

    /** OpenSearch as retrieval sees it: the "opensearch" check of its readiness (cluster health + the index). */
    static ServiceHealth opensearch(HttpProbe.Result r) {
        if (!r.answered() || r.body() == null) {
            return new ServiceHealth("opensearch", OpsStatus.UNKNOWN, "retrieval's readiness unreachable: " + r.error(),
                    "retrieval readiness", null, r.latencyMs());
        }
        for (JsonNode check : r.body().path("checks")) {
            if ("opensearch".equals(check.path("name").asText())) {
                boolean up = "UP".equals(check.path("status").asText());
                JsonNode data = check.path("data");
                String detail = data.hasNonNull("error") ? data.get("error").asText()
                        : "index " + data.path("index").asText("?") + (data.path("index_ready").asBoolean(false) ? " ready" : " not ready");
                return new ServiceHealth("opensearch", up ? OpsStatus.UP : OpsStatus.DOWN, detail, "retrieval readiness", null, r.latencyMs());
            }
        }
        return new ServiceHealth("opensearch", OpsStatus.UNKNOWN, "retrieval's readiness has no opensearch check", "retrieval readiness",
                null, r.latencyMs());
    }

    static List<FeedFreshness> feeds(HttpProbe.Result r) {
        List<FeedFreshness> out = new ArrayList<>();
        if (r.status() != 200 || r.body() == null) {
            return out;
        }
        Instant now = Instant.now();
        for (JsonNode f : r.body().path("feeds")) {
            Instant newest = instant(f.get("newest_item_at"));
            out.add(new FeedFreshness(f.path("id").asText(), text(f, "source"), text(f, "format"), f.path("healthy").asBoolean(false),
                    text(f, "circuit"), f.hasNonNull("lag_seconds") ? f.get("lag_seconds").asLong() : null, instant(f.get("last_success")),
                    newest, newest == null ? null : Math.max(0, Duration.between(newest, now).toSeconds()),
                    f.hasNonNull("consecutive_failures") ? f.get("consecutive_failures").asInt() : null, text(f, "last_error")));
        }
        out.sort(Comparator.comparing(FeedFreshness::id));
        return out;
    }

    private Uni<OpsStatus.Models> models() {
        return mesh.listModels()
                .ifNoItem().after(config.healthTimeout().plusMillis(500)).fail()
                .map(r -> new OpsStatus.Models(defaultAlias, r.getModelsList().stream()
                        .map(m -> new OpsStatus.Model(m.getId(), m.getKind(), m.getBackend(), m.getOwnedBy().isBlank() ? "hkgai" : m.getOwnedBy()))
                        .toList(), null))
                .onFailure().recoverWithItem(e -> new OpsStatus.Models(defaultAlias, List.of(), "inference ListModels failed: " + HttpProbe.describe(e)));
    }

    private List<OpsStatus.SafetyActionCount> safetyActions() {
        List<OpsStatus.SafetyActionCount> out = new ArrayList<>();
        for (Counter c : registry.find("hkgai.gateway.safety.actions").counters()) {
            out.add(new OpsStatus.SafetyActionCount(c.getId().getTag("stage"), c.getId().getTag("action"), c.getId().getTag("category"),
                    Math.round(c.count())));
        }
        out.sort(Comparator.comparingLong(OpsStatus.SafetyActionCount::count).reversed()
                .thenComparing(OpsStatus.SafetyActionCount::category, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return v.isNumber() ? Instant.ofEpochMilli(Math.round(v.asDouble() * 1000)) : Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String state(Channel channel) {
        return channel instanceof ManagedChannel managed ? managed.getState(true).name() : ConnectivityState.IDLE.name();
    }
}
