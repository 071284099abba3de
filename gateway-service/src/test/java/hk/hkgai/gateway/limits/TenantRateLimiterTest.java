package hk.hkgai.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.gateway.error.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static LimitsConfig config(long rpm, long tpm, Map<String, LimitsConfig.Tenant> tenants) {
        return new LimitsConfig() {
            public boolean enabled() {
                return true;
            }

            public long requestsPerMinute() {
                return rpm;
            }

            public long tokensPerMinute() {
                return tpm;
            }

            public Optional<String> redisUrl() {
                return Optional.empty();
            }

            public Map<String, Tenant> tenants() {
                return tenants;
            }
        };
    }

    private TenantRateLimiter limiter(long rpm, long tpm, Map<String, LimitsConfig.Tenant> tenants) {
        return new TenantRateLimiter(config(rpm, tpm, tenants), registry, now::get, null);
    }

    /** Admits synchronously (the local store answers at once), throwing the 429 if refused. */
    static void admit(TenantRateLimiter limiter, String tenant) {
        limiter.admit(tenant).await().atMost(java.time.Duration.ofSeconds(5));
    }

    @Test
    void aBurstUpToTheLimitPassesThenTheNextWaitsForTheRefill() {
        TenantRateLimiter limiter = limiter(60, 1_000_000, Map.of());
        for (int i = 0; i < 60; i++) {
            admit(limiter, "edu");
        }
        assertThatThrownBy(() -> admit(limiter, "edu")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.type()).isEqualTo("requests");
            assertThat(e.headers()).containsEntry("Retry-After", "1");
        });
        now.addAndGet(SECOND);
        assertThatCode(() -> admit(limiter, "edu")).doesNotThrowAnyException();
        assertThat(registry.counter("hkgai.gateway.rate.limited", "tenant", "edu", "limit", "requests").count()).isEqualTo(1);
    }

    @Test
    void tokensUsedBeyondTheBalanceAreRepaidByWaiting() {
        TenantRateLimiter limiter = limiter(1000, 6000, Map.of());
        admit(limiter, "health");
        limiter.charge("health", 9000); // one long answer: 3000 tokens over the balance
        assertThatThrownBy(() -> admit(limiter, "health")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo("tokens");
            assertThat(e.headers()).containsEntry("Retry-After", "31"); // 3001 tokens at 100/s, in whole seconds
        });
        now.addAndGet(31 * SECOND);
        assertThatCode(() -> admit(limiter, "health")).doesNotThrowAnyException();
    }

    @Test
    void tenantsAreLimitedSeparatelyAndCanHaveTheirOwnLimits() {
        LimitsConfig.Tenant small = new LimitsConfig.Tenant() {
            public OptionalLong requestsPerMinute() {
                return OptionalLong.of(1);
            }

            public OptionalLong tokensPerMinute() {
                return OptionalLong.empty();
            }
        };
        TenantRateLimiter limiter = limiter(100, 1000, Map.of("trial", small));
        admit(limiter, "trial");
        assertThatThrownBy(() -> admit(limiter, "trial")).isInstanceOf(ApiException.class);
        for (int i = 0; i < 100; i++) {
            admit(limiter, "police");
        }
    }
}
