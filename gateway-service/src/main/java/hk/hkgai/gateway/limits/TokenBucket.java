package hk.hkgai.gateway.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens and refills continuously at {@code capacity} per minute.
 * Requests are admitted by {@link #tryTake}; model tokens are charged after the fact by {@link #charge}, which
 * may drive the balance negative (a long answer is paid for by waiting, as OpenAI's tokens-per-minute limit
 * does); {@link #waitFor} tells when the balance is back. Thread-safe.
 */
final class TokenBucket {
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final double capacity;
    private final double perNano;
    private double balance;
    private long updated;

    TokenBucket(long capacity, long now) {
        this.capacity = capacity;
        this.perNano = (double) capacity / NANOS_PER_MINUTE;
        this.balance = capacity;
        this.updated = now;
    }

    /**
     * Takes {@code n} tokens if the balance allows it.
     *
     * @return 0 when taken, else the nanoseconds until it would be allowed
     */
    synchronized long tryTake(long n, long now) {
        long wait = waitFor(n, now);
        if (wait == 0) {
            balance -= n;
        }
        return wait;
    }

    /** 0 when the balance holds at least {@code n} tokens, else the nanoseconds until it will. Takes nothing. */
    synchronized long waitFor(long n, long now) {
        refill(now);
        return balance >= n ? 0 : (long) Math.ceil((n - balance) / perNano);
    }

    synchronized void charge(long n, long now) {
        refill(now);
        balance -= n;
    }

    synchronized long remaining(long now) {
        refill(now);
        return (long) Math.max(0, Math.floor(balance));
    }

    long capacity() {
        return (long) capacity;
    }

    private void refill(long now) {
        if (now > updated) {
            balance = Math.min(capacity, balance + (now - updated) * perNano);
            updated = now;
        }
    }
}
