package hk.hkgai.safety.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The readiness probe waits for the input guard's warm-up, then reports how many texts it decided. */
@QuarkusTest
class GuardWarmUpReadinessTest {
    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void readinessReportsTheWarmUpOnceTheGuardHasDecidedTheConfiguredTexts() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode check = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode c : new ObjectMapper().readTree(r.body()).path("checks")) {
                if (c.path("name").asText().equals("input-guard-warm-up")) {
                    check = c;
                }
            }
            if (check != null && check.path("status").asText().equals("UP")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(check).as("the warm-up readiness check").isNotNull();
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(check.path("data").path("texts").asInt()).isEqualTo(100); // %test.hkgai.safety.warm-up.texts
        assertThat(check.path("data").path("ms").asLong()).isGreaterThanOrEqualTo(0);
    }
}
