package hk.hkgai.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The buckets in this replica's memory (one gateway, or the fallback while Redis is unreachable). */
final class LocalBucketStore {
    private record Buckets(TokenBucket requests, TokenBucket tokens) {
    }

    private final LongSupplier clock;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();

    LocalBucketStore(LongSupplier clock) {
        this.clock = clock;
    }

    /** Admits one request while at least one token is left: takes a request, checks (does not take) tokens. */
    RateDecision decide(String tenant, long requestsPerMinute, long tokensPerMinute) {
        Buckets b = buckets(tenant, requestsPerMinute, tokensPerMinute);
        long now = clock.getAsLong();
        // Admitted while at least one token is left; the answer's real cost is charged when it ends.
        long tokensWait = b.tokens().waitFor(1, now);
        if (tokensWait > 0) {
            return new RateDecision("tokens", tokensWait);
        }
        long requestsWait = b.requests().tryTake(1, now);
        return requestsWait > 0 ? new RateDecision("requests", requestsWait) : RateDecision.ADMITTED;
    }

    /** Charges tokens used (the balance may go negative). */
    void charge(String tenant, long requestsPerMinute, long tokensPerMinute, long tokens) {
        buckets(tenant, requestsPerMinute, tokensPerMinute).tokens().charge(tokens, clock.getAsLong());
    }

    private Buckets buckets(String tenant, long rpm, long tpm) {
        return buckets.computeIfAbsent(tenant, t -> newBuckets(rpm, tpm));
    }

    private Buckets newBuckets(long rpm, long tpm) {
        long now = clock.getAsLong();
        return new Buckets(new TokenBucket(rpm, now), new TokenBucket(tpm, now));
    }
}
