package hk.hkgai.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.gateway.error.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private TenantRateLimiter limiter(long rpm, long tpm, Map<String, LimitsConfig.Tenant> tenants) {
        LimitsConfig config = new LimitsConfig() {
            public boolean enabled() {
                return true;
            }

            public long requestsPerMinute() {
                return rpm;
            }

            public long tokensPerMinute() {
                return tpm;
            }

            public Map<String, Tenant> tenants() {
                return tenants;
            }
        };
        return new TenantRateLimiter(config, registry, now::get);
    }

    @Test
    void aBurstUpToTheLimitPassesThenTheNextWaitsForTheRefill() {
        TenantRateLimiter limiter = limiter(60, 1_000_000, Map.of());
        for (int i = 0; i < 60; i++) {
            limiter.admit("edu");
        }
        assertThatThrownBy(() -> limiter.admit("edu")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.type()).isEqualTo("requests");
            assertThat(e.headers()).containsEntry("Retry-After", "1");
        });
        now.addAndGet(SECOND);
        assertThatCode(() -> limiter.admit("edu")).doesNotThrowAnyException();
        assertThat(registry.counter("hkgai.gateway.rate.limited", "tenant", "edu", "limit", "requests").count()).isEqualTo(1);
    }

    @Test
    void tokensUsedBeyondTheBalanceAreRepaidByWaiting() {
        TenantRateLimiter limiter = limiter(1000, 6000, Map.of());
        limiter.admit("health");
        limiter.charge("health", 9000); // one long answer: 3000 tokens over the balance
        assertThatThrownBy(() -> limiter.admit("health")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo("tokens");
            assertThat(e.headers()).containsEntry("Retry-After", "31"); // 3001 tokens at 100/s, in whole seconds
        });
        now.addAndGet(31 * SECOND);
        assertThatCode(() -> limiter.admit("health")).doesNotThrowAnyException();
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
        limiter.admit("trial");
        assertThatThrownBy(() -> limiter.admit("trial")).isInstanceOf(ApiException.class);
        for (int i = 0; i < 100; i++) {
            limiter.admit("police");
        }
    }
}
