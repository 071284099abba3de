package hk.hkgai.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.testinfra.LocalRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two gateway replicas' limiters sharing their buckets through a real Redis server. */
class SharedRateLimitTest {
    private static LocalRedis redis;
    private static Vertx vertx;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
        redis.close();
    }

    private TenantRateLimiter replica(long rpm, long tpm) {
        return new TenantRateLimiter(TenantRateLimiterTest.config(rpm, tpm, Map.of()), registry, System::nanoTime,
                new RedisBucketStore(vertx, redis.url()));
    }

    @Test
    void theRequestLimitHoldsAcrossReplicas() {
        String tenant = "edb-" + UUID.randomUUID();
        TenantRateLimiter a = replica(6, 1_000_000);
        TenantRateLimiter b = replica(6, 1_000_000);
        for (int i = 0; i < 6; i++) {
            TenantRateLimiterTest.admit(i % 2 == 0 ? a : b, tenant);
        }
        assertThatThrownBy(() -> TenantRateLimiterTest.admit(a, tenant)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.type()).isEqualTo("requests");
            assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(9L, 10L); // one request per 10 s
        });
        assertThatThrownBy(() -> TenantRateLimiterTest.admit(b, tenant)).isInstanceOf(ApiException.class);
        assertThatCode(() -> TenantRateLimiterTest.admit(a, "other-" + tenant)).doesNotThrowAnyException();
    }

    @Test
    void tokensChargedOnOneReplicaAreOwedOnTheOther() throws Exception {
        String tenant = "hospital-" + UUID.randomUUID();
        TenantRateLimiter a = replica(1000, 6000);
        TenantRateLimiter b = replica(1000, 6000);
        TenantRateLimiterTest.admit(a, tenant);
        a.charge(tenant, 9000);
        Thread.sleep(300); // charging is asynchronous
        assertThatThrownBy(() -> TenantRateLimiterTest.admit(b, tenant)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo("tokens");
            assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(29L, 31L);
        });
    }

    @Test
    void withRedisDownEachReplicaFallsBackToItsOwnBuckets() throws Exception {
        String tenant = "lcsd-" + UUID.randomUUID();
        TenantRateLimiter a = replica(2, 1_000_000);
        redis.stop();
        try {
            TenantRateLimiterTest.admit(a, tenant);
            TenantRateLimiterTest.admit(a, tenant);
            assertThatThrownBy(() -> TenantRateLimiterTest.admit(a, tenant)).isInstanceOf(ApiException.class);
            assertThat(registry.counter("hkgai.gateway.rate.limit.store.errors").count()).isGreaterThanOrEqualTo(3);
        } finally {
            redis.startAgain();
        }
    }
}
