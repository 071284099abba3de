package hk.hkgai.gateway.limits;

import hk.hkgai.gateway.error.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Requests-per-minute and tokens-per-minute token buckets per tenant. A request is admitted while both buckets
 * allow it; answered tokens are charged afterwards. Beyond a limit the API answers 429 {@code rate_limit_exceeded}
 * with {@code Retry-After}, as OpenAI does (the SDKs raise RateLimitError and back off by it).
 *
 * <p>The buckets are in this replica's memory, or, with {@code hkgai.gateway.limits.redis-url}, in Redis and shared
 * by all replicas. If Redis does not answer within {@value #REDIS_BUDGET_MS} ms, this replica's own buckets decide
 * (limits are then per replica for a while): a rate limiter must not take the API down with it.
 */
@ApplicationScoped
public class TenantRateLimiter {
    private static final Logger LOG = Logger.getLogger(TenantRateLimiter.class);
    static final long REDIS_BUDGET_MS = 250;

    private final LimitsConfig config;
    private final MeterRegistry registry;
    private final LocalBucketStore local;
    private final RedisBucketStore shared;

    @Inject
    public TenantRateLimiter(LimitsConfig config, MeterRegistry registry, Vertx vertx) {
        this(config, registry, System::nanoTime, config.redisUrl().map(url -> new RedisBucketStore(vertx, url)).orElse(null));
        config.redisUrl().ifPresent(url -> LOG.info("rate-limit buckets are shared through Redis"));
    }

    TenantRateLimiter(LimitsConfig config, MeterRegistry registry, LongSupplier clock, RedisBucketStore shared) {
        this.config = config;
        this.registry = registry;
        this.local = new LocalBucketStore(clock);
        this.shared = shared;
    }

    /** Admits one request of the tenant, or fails with a 429. */
    public Uni<Void> admit(String tenant) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        long rpm = requestsPerMinute(tenant);
        long tpm = tokensPerMinute(tenant);
        Uni<RateDecision> decision = shared == null
                ? Uni.createFrom().item(local.decide(tenant, rpm, tpm))
                : shared.admit(tenant, rpm, tpm)
                        .ifNoItem().after(Duration.ofMillis(REDIS_BUDGET_MS)).fail()
                        .onFailure().recoverWithItem(e -> {
                            storeFailed(e);
                            return local.decide(tenant, rpm, tpm);
                        });
        return decision.map(d -> {
            if (!d.admitted()) {
                throw rejected(tenant, d.limit(), d.limit().equals("tokens") ? tpm : rpm, d.waitNanos());
            }
            return null;
        }).replaceWithVoid();
    }

    /** Charges model tokens a request used (they may exceed the balance: later requests then wait). */
    public void charge(String tenant, long tokens) {
        if (!config.enabled() || tokens <= 0) {
            return;
        }
        long rpm = requestsPerMinute(tenant);
        long tpm = tokensPerMinute(tenant);
        if (shared == null) {
            local.charge(tenant, rpm, tpm, tokens);
            return;
        }
        shared.charge(tenant, rpm, tpm, tokens)
                .ifNoItem().after(Duration.ofMillis(REDIS_BUDGET_MS)).fail()
                .subscribe().with(ok -> { }, e -> {
                    storeFailed(e);
                    local.charge(tenant, rpm, tpm, tokens);
                });
    }

    @PreDestroy
    void close() {
        if (shared != null) {
            shared.close();
        }
    }

    private long requestsPerMinute(String tenant) {
        LimitsConfig.Tenant own = config.tenants().get(tenant);
        return own != null && own.requestsPerMinute().isPresent() ? own.requestsPerMinute().getAsLong() : config.requestsPerMinute();
    }

    private long tokensPerMinute(String tenant) {
        LimitsConfig.Tenant own = config.tenants().get(tenant);
        return own != null && own.tokensPerMinute().isPresent() ? own.tokensPerMinute().getAsLong() : config.tokensPerMinute();
    }

    private void storeFailed(Throwable e) {
        Counter.builder("hkgai.gateway.rate.limit.store.errors").description("Redis calls of the rate limiter that failed")
                .register(registry).increment();
        LOG.warnf("rate-limit store (Redis) failed (%s); this replica's own buckets decide", e.toString());
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
