package hk.hkgai.gateway.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import hk.hkgai.testinfra.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ops page and its status API in the gateway alone: a real Kafka (test-infra), the other services absent. The
 * page with its mesh is tested in a browser by e2e-tests (OpsPageIT).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OpsResourceTest {
    static final String ALL = "Bearer hk-test-all-scopes";
    static final String SEARCH_ONLY = "Bearer hk-test-search-only";

    @Test
    void thePageIsPlainHtmlWithItsOwnScriptAndAStrictPolicy() {
        given().get("/ops").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("<script src=\"/ops/ops.js\""));
        given().get("/ops/ops.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("/ops/api/status"));
        given().get("/ops/ops.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void statusNeedsAKeyWithTheAdminScope() {
        given().get("/ops/api/status").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
        given().header("Authorization", SEARCH_ONLY).get("/ops/api/status").then().statusCode(403)
                .body("error.code", equalTo("insufficient_scope")).body("error.message", containsString("'admin'"))
                .body("error.type", equalTo("permission_error"));
    }

    @Test
    void statusNamesEveryPartAndSaysWhatIsDown() {
        long start = System.nanoTime();
        JsonPath status = given().header("Authorization", ALL).get("/ops/api/status").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath();
        assertThat((System.nanoTime() - start) / 1_000_000).as("answers within its budget").isLessThan(5_000);
        List<Map<String, Object>> services = status.getList("services");
        assertThat(services).extracting(s -> s.get("name"))
                .containsExactly("gateway", "safety", "retrieval", "inference", "ingest", "kafka", "opensearch");
        assertThat(services).allSatisfy(s -> assertThat(s.get("status")).isIn("UP", "DOWN", "UNKNOWN"));
        Map<String, String> byName = new java.util.HashMap<>();
        services.forEach(s -> byName.put((String) s.get("name"), (String) s.get("status")));
        // Kafka is real here; ingest is not running (its URL defaults to the gateway's ingest client URL).
        assertThat(byName).containsEntry("kafka", "UP").containsEntry("ingest", "DOWN");
        assertThat(status.getDouble("request_rate.per_second")).isGreaterThanOrEqualTo(0.0);
        assertThat(status.getString("models.default_alias")).isEqualTo("hkgai");
        assertThat(status.getString("models.error")).contains("ListModels");
        assertThat(status.getList("feeds")).isEmpty();
        assertThat(status.getString("generated_at")).isNotBlank();
    }
}
