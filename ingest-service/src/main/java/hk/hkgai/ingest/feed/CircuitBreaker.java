package hk.hkgai.ingest.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * One feed's circuit breaker. Closed: every poll goes out (with backoff between failures). After
 * {@code failureThreshold} consecutive failures it opens: no poll for {@code openDuration}. Then half-open: one
 * probe poll; success closes it, failure opens it again for another cool-down.
 *
 * <p>Hand-written rather than SmallRye Fault Tolerance: that library guards annotated methods with one breaker
 * per method, while here every feed needs its own, created from the feed list at runtime, with its state shown
 * per feed. The poller calls a feed strictly sequentially, so at most one probe is ever in flight.
 * Thread-safe (the poller's worker threads and GET /v1/feeds read it).
 */
public final class CircuitBreaker {
    public enum State {
        CLOSED("closed", 0), HALF_OPEN("half_open", 1), OPEN("open", 2);

        private final String code;
        private final int gauge;

        State(String code, int gauge) {
            this.code = code;
            this.gauge = gauge;
        }

        public String code() {
            return code;
        }

        /** Metric value: 0 closed, 1 half-open, 2 open. */
        public int gauge() {
            return gauge;
        }
    }

    private final int failureThreshold;
    private final Duration openDuration;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure-threshold must be >= 1");
        }
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
    }

    /** Whether a poll may go out now; an open circuit whose cool-down is over turns half-open and allows the probe. */
    public synchronized boolean tryAcquire(Instant now) {
        if (state == State.OPEN) {
            if (now.isBefore(openedAt.plus(openDuration))) {
                return false;
            }
            state = State.HALF_OPEN;
        }
        return true;
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        openedAt = null;
    }

    /** Records a failed poll; returns the state after it. */
    public synchronized State onFailure(Instant now) {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = now;
        }
        return state;
    }

    /** How long until an open circuit lets the probe through (zero unless open). */
    public synchronized Duration remainingOpen(Instant now) {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, openedAt.plus(openDuration));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }
}
