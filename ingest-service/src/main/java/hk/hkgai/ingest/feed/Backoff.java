package hk.hkgai.ingest.feed;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to poll a feed next. Healthy: its interval. Failing: the interval doubled per consecutive failure,
 * capped (but never below the interval itself, so an hourly feed is not polled faster when it fails),
 * with +-20% jitter so feeds that failed together (a network blip) do not retry in lockstep.
 */
public final class Backoff {
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); injectable for deterministic tests */
    public Backoff(Duration max, DoubleSupplier random) {
        this.max = max;
        this.random = random;
    }

    public Backoff(Duration max) {
        this(max, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** Delay before the next poll after {@code consecutiveFailures} failures in a row (0: healthy). */
    public Duration next(Duration interval, int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return interval;
        }
        Duration cap = max.compareTo(interval) > 0 ? max : interval;
        // 2^failures, saturating well before overflow: 2^20 intervals exceed any sane cap anyway.
        long factor = 1L << Math.min(consecutiveFailures, 20);
        Duration raw = interval.toMillis() > cap.toMillis() / factor ? cap : interval.multipliedBy(factor);
        double jitter = 0.8 + 0.4 * random.getAsDouble();
        long millis = Math.round(raw.toMillis() * jitter);
        return Duration.ofMillis(Math.max(interval.toMillis(), Math.min(millis, cap.toMillis())));
    }
}
