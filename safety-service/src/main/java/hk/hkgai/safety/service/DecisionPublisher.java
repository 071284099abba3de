package hk.hkgai.safety.service;

import com.google.protobuf.Timestamp;
import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.events.v1.SafetyDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import hk.hkgai.contracts.events.v1.DecisionScore;
import hk.hkgai.contracts.safety.v1.CategoryHit;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes one SafetyDecision per guard decision. Best effort by design: the decision itself is already
 * made and returned; a broker outage is counted and logged, never allowed to slow or fail the guard.
 */
@ApplicationScoped
public class DecisionPublisher {
    private static final Logger LOG = Logger.getLogger(DecisionPublisher.class);

    private final Emitter<Record<String, byte[]>> emitter;
    private final MeterRegistry registry;
    private final Counter failures;

    public DecisionPublisher(@Channel(Topics.SAFETY_DECISIONS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                             Emitter<Record<String, byte[]>> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
        this.failures = registry.counter("hkgai_safety_decision_publish_failures_total");
    }

    public void publish(String requestId, String tenant, String stage, Action action, List<CategoryHit> hits,
                        String language, String policyVersion, long latencyMicros) {
        List<String> categories = hits.stream().map(CategoryHit::getCategory).distinct().toList();
        for (String c : categories.isEmpty() ? List.of("none") : categories) {
            registry.counter("hkgai_safety_decisions_total", "stage", stage, "action", actionName(action), "category", c).increment();
        }
        Instant now = Instant.now();
        SafetyDecision event = SafetyDecision.newBuilder()
                .setRequestId(requestId).setTenant(tenant).setStage(stage).setAction(action)
                .addAllCategories(categories).setLanguage(language).setPolicyVersion(policyVersion)
                .setLatencyMicros(latencyMicros)
                .addAllScores(hits.stream().map(h -> DecisionScore.newBuilder().setCategory(h.getCategory())
                        .setLayer(h.getLayer()).setScore(h.getScore()).build()).toList())
                .setAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
        try {
            emitter.send(Record.of(requestId, event.toByteArray())).whenComplete((ok, err) -> {
                if (err != null) {
                    failures.increment();
                    LOG.warnf("safety decision for request %s not published: %s", requestId, err.getMessage());
                }
            });
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("safety decision for request %s not published: %s", requestId, e.getMessage());
        }
    }

    public static String actionName(Action action) {
        return switch (action) {
            case ACTION_GUIDE -> "guide";
            case ACTION_REFUSE -> "refuse";
            case ACTION_REDACT -> "redact";
            default -> "allow";
        };
    }
}
