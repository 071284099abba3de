package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration CAP = Duration.ofMinutes(15);

    @Test
    void healthyFeedsUseTheirInterval() {
        assertThat(new Backoff(CAP, () -> 0.5).next(MINUTE, 0)).isEqualTo(MINUTE);
    }

    @Test
    void failuresDoubleTheDelayUpToTheCap() {
        Backoff noJitter = new Backoff(CAP, () -> 0.5); // jitter factor exactly 1.0
        assertThat(noJitter.next(MINUTE, 1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(noJitter.next(MINUTE, 2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(noJitter.next(MINUTE, 3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(noJitter.next(MINUTE, 4)).isEqualTo(CAP);
        assertThat(noJitter.next(MINUTE, 50)).isEqualTo(CAP);
        assertThat(noJitter.next(MINUTE, Integer.MAX_VALUE)).isEqualTo(CAP);
    }

    @Test
    void jitterStaysWithinTwentyPercentAndInsideTheBounds() {
        assertThat(new Backoff(CAP, () -> 0.0).next(MINUTE, 2)).isEqualTo(Duration.ofMillis(Math.round(4 * 60_000 * 0.8)));
        assertThat(new Backoff(CAP, () -> 0.999_999).next(MINUTE, 2).toMillis()).isBetween(4 * 60_000L, (long) (4 * 60_000 * 1.2));
        assertThat(new Backoff(CAP, () -> 0.999_999).next(MINUTE, 10)).isEqualTo(CAP); // never above the cap
        assertThat(new Backoff(CAP, () -> 0.0).next(Duration.ofSeconds(1), 1)).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void aSlowFeedIsNeverPolledFasterBecauseItFails() {
        Duration hourly = Duration.ofHours(1);
        assertThat(new Backoff(CAP, () -> 0.0).next(hourly, 3)).isEqualTo(hourly);
    }
}
