package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.ingest.feed.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    @Test
    void opensAfterTheThresholdProbesAfterTheCoolDownAndClosesOnSuccess() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMinutes(5));
        assertThat(breaker.tryAcquire(T0)).isTrue();
        assertThat(breaker.onFailure(T0)).isEqualTo(State.CLOSED);
        assertThat(breaker.onFailure(T0.plusSeconds(10))).isEqualTo(State.CLOSED);
        assertThat(breaker.onFailure(T0.plusSeconds(30))).isEqualTo(State.OPEN);
        assertThat(breaker.consecutiveFailures()).isEqualTo(3);

        Instant opened = T0.plusSeconds(30);
        assertThat(breaker.tryAcquire(opened.plusSeconds(60))).isFalse();
        assertThat(breaker.remainingOpen(opened.plusSeconds(60))).isEqualTo(Duration.ofMinutes(4));
        assertThat(breaker.tryAcquire(opened.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);

        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.consecutiveFailures()).isZero();
        assertThat(breaker.remainingOpen(opened)).isZero();
    }

    @Test
    void aFailedProbeOpensItAgainForAFullCoolDown() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(30));
        breaker.onFailure(T0);
        Instant probe = T0.plusSeconds(31);
        assertThat(breaker.tryAcquire(probe)).isTrue();
        assertThat(breaker.onFailure(probe)).isEqualTo(State.OPEN);
        assertThat(breaker.remainingOpen(probe)).isEqualTo(Duration.ofSeconds(30));
        assertThat(State.OPEN.gauge()).isEqualTo(2);
        assertThat(State.HALF_OPEN.code()).isEqualTo("half_open");
    }
}
