package hk.hkgai.retrieval.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecencyRankerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private final RecencyRanker ranker = new RecencyRanker(Duration.ofDays(3), 0.5);

    @Test
    void aFreshStoryKeepsItsScoreAndOneAtTheScaleLosesAQuarter() {
        assertThat(ranker.boost(1.0, NOW, NOW)).isCloseTo(1.0, within(1e-9));
        assertThat(ranker.boost(1.0, NOW.minus(Duration.ofDays(3)), NOW)).isCloseTo(0.75, within(1e-9));
        assertThat(ranker.boost(1.0, NOW.minus(Duration.ofDays(300)), NOW)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void amongSimilarMatchesTheNewestWinsButAMuchBetterOldMatchStillBeatsAWeakNewOne() {
        assertThat(ranker.boost(0.9, NOW.minus(Duration.ofHours(2)), NOW))
                .isGreaterThan(ranker.boost(0.95, NOW.minus(Duration.ofDays(8)), NOW));
        assertThat(ranker.boost(0.95, NOW.minus(Duration.ofDays(8)), NOW))
                .isGreaterThan(ranker.boost(0.3, NOW, NOW));
    }
}
