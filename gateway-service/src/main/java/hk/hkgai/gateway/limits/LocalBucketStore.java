package hk.hkgai.gateway.limits;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The buckets in this replica's memory (one gateway, or the fallback while Redis is unreachable). */
final class LocalBucketStore implements BucketStore {
    private record Buckets(TokenBucket requests, TokenBucket tokens) {
    }

    private final LongSupplier clock;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();

    LocalBucketStore(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Decision> admit(String tenant, long requestsPerMinute, long tokensPerMinute) {
        return Uni.createFrom().item(decide(tenant, requestsPerMinute, tokensPerMinute));
    }

    Decision decide(String tenant, long requestsPerMinute, long tokensPerMinute) {
        Buckets b = buckets(tenant, requestsPerMinute, tokensPerMinute);
        long now = clock.getAsLong();
        // Admitted while at least one token is left; the answer's real cost is charged when it ends.
        long tokensWait = b.tokens().waitFor(1, now);
        if (tokensWait > 0) {
            return new Decision("tokens", tokensWait);
        }
        long requestsWait = b.requests().tryTake(1, now);
        return requestsWait > 0 ? new Decision("requests", requestsWait) : Decision.ADMITTED;
    }

    @Override
    public Uni<Void> charge(String tenant, long requestsPerMinute, long tokensPerMinute, long tokens) {
        buckets(tenant, requestsPerMinute, tokensPerMinute).tokens().charge(tokens, clock.getAsLong());
        return Uni.createFrom().voidItem();
    }

    private Buckets buckets(String tenant, long rpm, long tpm) {
        return buckets.computeIfAbsent(tenant, t -> newBuckets(rpm, tpm));
    }

    private Buckets newBuckets(long rpm, long tpm) {
        long now = clock.getAsLong();
        return new Buckets(new TokenBucket(rpm, now), new TokenBucket(tpm, now));
    }
}
