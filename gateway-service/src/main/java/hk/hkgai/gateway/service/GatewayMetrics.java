package hk.hkgai.gateway.service;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.safety.v1.CategoryHit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's own meters (HTTP request counts and latency come from Quarkus' HTTP binder). Tags are bounded
 * sets (tenant ids, model ids, policy categories, gRPC codes); never a key, a text or a request id.
 */
@ApplicationScoped
public class GatewayMetrics {
    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void tokens(String tenant, String model, int prompt, int completion) {
        Counter.builder("hkgai.gateway.tokens").description("Model tokens by direction").baseUnit("tokens")
                .tags("tenant", tenant, "model", model, "direction", "prompt").register(registry).increment(prompt);
        Counter.builder("hkgai.gateway.tokens").description("Model tokens by direction").baseUnit("tokens")
                .tags("tenant", tenant, "model", model, "direction", "completion").register(registry).increment(completion);
    }

    /** Time from the request's arrival to the first answer text leaving the guard. */
    public void firstToken(String model, boolean stream, Duration elapsed) {
        Timer.builder("hkgai.gateway.time.to.first.token").description("Request arrival to the first released answer text")
                .publishPercentileHistogram().tags("model", model, "stream", Boolean.toString(stream))
                .register(registry).record(elapsed);
    }

    /** One count per guard verdict and category (a verdict without hits counts under "none"). */
    public void safety(String stage, Action action, List<CategoryHit> hits) {
        String name = action.name().replace("ACTION_", "").toLowerCase(Locale.ROOT);
        if (hits.isEmpty()) {
            safetyCounter(stage, name, "none").increment();
        }
        hits.stream().map(CategoryHit::getCategory).distinct().forEach(c -> safetyCounter(stage, name, c).increment());
    }

    private Counter safetyCounter(String stage, String action, String category) {
        return Counter.builder("hkgai.gateway.safety.actions").description("Guard verdicts by stage, action and category")
                .tags("stage", stage, "action", action, "category", category).register(registry);
    }

    public void downstreamError(String service, String code) {
        Counter.builder("hkgai.gateway.downstream.errors").description("Failed calls to mesh services")
                .tags("service", service, "code", code).register(registry).increment();
    }

    /** An answer produced without part of the mesh: kind = extractive_fallback | no_sources. */
    public void degraded(String kind) {
        Counter.builder("hkgai.gateway.degraded.answers").description("Answers given in a degraded mode")
                .tags("kind", kind).register(registry).increment();
    }
}
