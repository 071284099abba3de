package hk.hkgai.safety.health;

import hk.hkgai.safety.service.GuardWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the input guard has been warmed up ({@link GuardWarmUp}), so no request meets a cold guard. */
@Readiness
@ApplicationScoped
public class GuardWarmUpReadiness implements HealthCheck {
    private final GuardWarmUp warmUp;

    public GuardWarmUpReadiness(GuardWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("input-guard-warm-up")
                .withData("texts", warmUp.checked())
                .withData("ms", warmUp.millis())
                .status(warmUp.ready())
                .build();
    }
}
