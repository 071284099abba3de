package hk.hkgai.gateway.limits;

import hk.hkgai.gateway.error.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests-per-minute and tokens-per-minute token buckets per tenant, in this gateway's memory. A request is
 * admitted while both buckets allow it; answered tokens are charged afterwards. Beyond a limit the API answers
 * 429 {@code rate_limit_exceeded} with {@code Retry-After}, as OpenAI does (the SDKs raise RateLimitError and
 * back off by it). With several replicas each holds its own buckets, so a tenant's effective limit is the
 * configured one times the replica count; divide the limits by it (a shared Redis store is not built yet).
 */
@ApplicationScoped
public class TenantRateLimiter {
    private record Buckets(TokenBucket requests, TokenBucket tokens) {
    }

    private final LimitsConfig config;
    private final LongSupplier clock;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    @Inject
    public TenantRateLimiter(LimitsConfig config, MeterRegistry registry) {
        this(config, registry, System::nanoTime);
    }

    TenantRateLimiter(LimitsConfig config, MeterRegistry registry, LongSupplier clock) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    /** Admits one request of the tenant or throws a 429. */
    public void admit(String tenant) {
        if (!config.enabled()) {
            return;
        }
        Buckets b = buckets(tenant);
        long now = clock.getAsLong();
        // Admitted while at least one token is left; the answer's real cost is charged when it ends.
        long tokensWait = b.tokens().waitFor(1, now);
        if (tokensWait > 0) {
            throw rejected(tenant, "tokens", b.tokens().capacity(), tokensWait);
        }
        long requestsWait = b.requests().tryTake(1, now);
        if (requestsWait > 0) {
            throw rejected(tenant, "requests", b.requests().capacity(), requestsWait);
        }
    }

    /** Charges model tokens a request used (they may exceed the balance: later requests then wait). */
    public void charge(String tenant, long tokens) {
        if (config.enabled() && tokens > 0) {
            buckets(tenant).tokens().charge(tokens, clock.getAsLong());
        }
    }

    private Buckets buckets(String tenant) {
        return buckets.computeIfAbsent(tenant, t -> {
            LimitsConfig.Tenant own = config.tenants().get(t);
            long rpm = own != null && own.requestsPerMinute().isPresent() ? own.requestsPerMinute().getAsLong() : config.requestsPerMinute();
            long tpm = own != null && own.tokensPerMinute().isPresent() ? own.tokensPerMinute().getAsLong() : config.tokensPerMinute();
            long now = clock.getAsLong();
            return new Buckets(new TokenBucket(rpm, now), new TokenBucket(tpm, now));
        });
    }

    private ApiException rejected(String tenant, String limit, long perMinute, long waitNanos) {
        Counter.builder("hkgai.gateway.rate.limited").description("Requests refused by a tenant rate limit")
                .tag("tenant", tenant).tag("limit", limit).register(registry).increment();
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        String message = String.format("Rate limit reached for %s per minute (limit %d) of your organization. Please try again in %ds.",
                limit, perMinute, seconds);
        return ApiException.rateLimited(limit, message, seconds, Map.of("x-ratelimit-limit-" + limit, Long.toString(perMinute),
                "x-ratelimit-remaining-" + limit, "0", "x-ratelimit-reset-" + limit, seconds + "s"));
    }
}
