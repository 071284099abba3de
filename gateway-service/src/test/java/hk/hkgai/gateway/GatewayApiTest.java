package hk.hkgai.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.AuditEvent;
import hk.hkgai.testinfra.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own behaviour through HTTP: authentication, scopes, validation, error shapes, and
 * failing closed when the guard is unreachable. (The whole mesh is exercised in e2e-tests.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class GatewayApiTest {
    static final String ALL = "Bearer hk-test-all-scopes";
    static final String SEARCH_ONLY = "Bearer hk-test-search-only";
    static final String CHAT = "{\"model\":\"hkgai\",\"messages\":[{\"role\":\"user\",\"content\":\"天文台有冇掛八號風球？\"}]}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void missingKeyIs401InOpenAiErrorShape() {
        given().contentType(ContentType.JSON).body(CHAT).post("/v1/chat/completions")
                .then().statusCode(401)
                .body("error.message", containsString("didn't provide an API key"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.param", nullValue());
    }

    @Test
    void unknownKeyIs401() {
        given().header("Authorization", "Bearer hk-not-a-real-key").contentType(ContentType.JSON).body(CHAT)
                .post("/v1/chat/completions")
                .then().statusCode(401).body("error.message", equalTo("Incorrect API key provided."));
    }

    @Test
    void keyWithoutTheScopeIs403() {
        given().header("Authorization", SEARCH_ONLY).contentType(ContentType.JSON).body(CHAT).post("/v1/chat/completions")
                .then().statusCode(403).body("error.code", equalTo("insufficient_scope")).body("error.message", containsString("'chat'"));
    }

    @Test
    void malformedJsonIs400NamingTheProblem() {
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"messages\": [").post("/v1/chat/completions")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("could not parse the JSON body"));
    }

    @Test
    void missingMessagesIs400WithParam() {
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"model\":\"hkgai\"}").post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("messages")).body("error.message", containsString("'messages'"));
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        given().header("Authorization", ALL).contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":\"many\"}").post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("max_tokens"));
    }

    @Test
    void invalidRoleIs400() {
        given().header("Authorization", ALL).contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}").post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("messages[0].role"));
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "字".repeat(400_000) + "\"}]}";
        given().header("Authorization", ALL).contentType(ContentType.JSON).body(big).post("/v1/chat/completions")
                .then().statusCode(413).body("error.code", equalTo("request_too_large"));
    }

    @Test
    void moderationWithoutATextInputIs400AndWithoutTheGuardIs503() {
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"input\": 42}").post("/v1/moderations")
                .then().statusCode(400).body("error.param", equalTo("input"));
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"input\": []}").post("/v1/moderations")
                .then().statusCode(400).body("error.param", equalTo("input"));
        given().header("Authorization", SEARCH_ONLY).contentType(ContentType.JSON).body("{\"input\": \"天文台\"}").post("/v1/moderations")
                .then().statusCode(403);
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"input\": [\"教我點樣整炸彈\"]}").post("/v1/moderations")
                .then().statusCode(503).header("Retry-After", notNullValue()).body("results", nullValue());
    }

    @Test
    void unreachableGuardMeans503NeverAnUnguardedAnswer() throws Exception {
        given().header("Authorization", ALL).contentType(ContentType.JSON).body(CHAT).post("/v1/chat/completions")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("error.message", containsString("safety guard is unavailable"))
                .body("choices", nullValue());

        AuditEvent audit = awaitAudit(e -> e.getEndpoint().equals("/v1/chat/completions") && e.getHttpStatus() == 503);
        assertThat(audit.getTenant()).isEqualTo("tenant-a");
        assertThat(audit.getKeyId()).isEqualTo("key-all");
    }

    @Test
    void aStreamedAnswerWithoutTheGuardIs503BeforeAnyEventIsSent() {
        String streamed = CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"");
        // The SDKs send Accept: application/json for streamed requests too.
        given().header("Authorization", ALL).header("Accept", "application/json").contentType(ContentType.JSON).body(streamed)
                .post("/v1/chat/completions")
                .then().statusCode(503).contentType(ContentType.JSON)
                .body("error.message", containsString("safety guard is unavailable"));
    }

    @Test
    void aFailedAnswerGivesItsPlaceBack() {
        // The bulkhead holds 2 answers in this profile: failed answers (whole, streamed, refused by validation after
        // admission) must release their places, or the third request would be shed "at capacity".
        String streamed = CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"");
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", ALL).contentType(ContentType.JSON).body(i % 2 == 0 ? CHAT : streamed)
                    .post("/v1/chat/completions")
                    .then().statusCode(503).body("error.message", containsString("safety guard is unavailable"));
        }
    }

    @Test
    void streamOptionsWithoutStreamIs400() {
        String body = CHAT.replace("{\"model\"", "{\"stream_options\":{\"include_usage\":true},\"model\"");
        given().header("Authorization", ALL).contentType(ContentType.JSON).body(body).post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("stream_options"));
    }

    @Test
    void embeddingsRejectTokenArraysOtherDimensionsAndUnknownEncodings() {
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"input\": [[1, 2, 3]]}").post("/v1/embeddings")
                .then().statusCode(400).body("error.param", equalTo("input")).body("error.message", containsString("Token arrays"));
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"input\": \"颱風\", \"dimensions\": 256}").post("/v1/embeddings")
                .then().statusCode(400).body("error.param", equalTo("dimensions"));
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"input\": \"颱風\", \"encoding_format\": \"int8\"}").post("/v1/embeddings")
                .then().statusCode(400).body("error.param", equalTo("encoding_format"));
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"input\": \"颱風\"}").post("/v1/embeddings")
                .then().statusCode(503).body("error.message", containsString("inference service is unavailable"));
    }

    @Test
    void beyondItsRequestsPerMinuteATenantGets429WithRetryAfterAndOthersAreUnaffected() {
        String limited = "Bearer hk-test-limited";
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", limited).get("/v1/models").then().statusCode(503);
        }
        given().header("Authorization", limited).get("/v1/models")
                .then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("1?[0-9]|20")) // a request per 20 s
                .header("x-ratelimit-limit-requests", equalTo("3"))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .body("error.type", equalTo("requests"))
                .body("error.message", containsString("Please try again in"));
        given().header("Authorization", ALL).get("/v1/models").then().statusCode(503);
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsBearerKeys() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/chat/completions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/embeddings"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/moderations"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/v1/chat/completions'.post.responses.'200'.content", org.hamcrest.Matchers.hasKey("text/event-stream"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readinessIsDownWhileTheGuardIsUnreachableAndNamesEachService() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'mesh' }.data.safety", equalTo("TRANSIENT_FAILURE"))
                        .body("checks.find { it.name == 'mesh' }.data", org.hamcrest.Matchers.hasKey("inference")));
    }

    @Test
    void searchWithoutQueryIs400() {
        given().header("Authorization", SEARCH_ONLY).get("/v1/search")
                .then().statusCode(400).body("error.param", equalTo("q"));
        given().header("Authorization", SEARCH_ONLY).queryParam("q", "颱風").queryParam("k", "0").get("/v1/search")
                .then().statusCode(400).body("error.param", equalTo("k"));
        given().header("Authorization", SEARCH_ONLY).queryParam("q", "颱風").queryParam("mode", "semantic").get("/v1/search")
                .then().statusCode(400).body("error.param", equalTo("mode"));
    }

    @Test
    void unreachableIngestMeans503AndNothingAccepted() {
        given().header("Authorization", ALL).contentType(ContentType.JSON).body("{\"id\":\"x1\",\"text\":\"天文台發出八號風球\"}")
                .post("/v1/documents")
                .then().statusCode(503).body("error.message", containsString("nothing was accepted"));
    }

    @Test
    void unknownPathIs404InErrorShape() {
        given().header("Authorization", ALL).get("/v1/nope").then().statusCode(404).body("error.type", equalTo("invalid_request_error"));
    }

    private AuditEvent awaitAudit(java.util.function.Predicate<AuditEvent> match) throws Exception {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.AUDIT));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    AuditEvent e = AuditEvent.parseFrom(r.value());
                    if (match.test(e)) {
                        return e;
                    }
                }
            }
            throw new AssertionError("no matching audit event on " + Topics.AUDIT);
        }
    }
}
