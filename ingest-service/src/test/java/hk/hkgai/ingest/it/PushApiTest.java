package hk.hkgai.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.google.protobuf.InvalidProtocolBufferException;
import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.testinfra.KafkaTestResource;
import hk.hkgai.text.DocumentIds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** POST /v1/documents end to end: HTTP -> raw topic -> processor -> chunks topic, on a real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PushApiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Unique per run: the test broker's data survives between runs of the module. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pushedDocumentsBecomeChunksWithTheirIdsAndDetectedLanguage() throws Exception {
        String zhId = "push-test-zh-" + run;
        String body = """
                [
                  {"id": "%s", "title": "啟德體育園週末交通安排",
                   "text": "運輸署表示，啟德體育園本週六晚舉行大型活動，宋皇臺道及承豐道部分路段會實施臨時封路。市民應盡量使用公共交通工具前往，港鐵屯馬綫啟德站及宋皇臺站會加密班次。",
                   "url": "https://news.hkgai.example/kaitak/%s", "source": "Transport Department (demo)",
                   "published_at": "2026-11-24T09:30:00+08:00"},
                  {"title": "Flu vaccination programme extended",
                   "text": "The Department of Health said the seasonal influenza vaccination programme will be extended to the end of March. Eligible residents can receive the vaccine at public clinics and enrolled private doctors free of charge.",
                   "url": "https://news.hkgai.example/health/flu-%s?utm_source=newsletter", "source": "DH (demo)"}
                ]
                """.formatted(zhId, run, run);
        String enId = DocumentIds.fromUrl("https://news.hkgai.example/health/flu-" + run);

        List<String> ids = given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/documents")
                .then().statusCode(202).body("ids", hasSize(2))
                .extract().jsonPath().getList("ids", String.class);
        assertThat(ids).containsExactly(zhId, enId);

        Map<String, List<Chunk>> chunks = awaitChunks(Set.of(zhId, enId));
        List<Chunk> zh = chunks.get(zhId);
        assertThat(zh).hasSize(1);
        assertThat(zh.get(0).getChunkId()).isEqualTo(DocumentIds.chunkId(zhId, 0));
        assertThat(zh.get(0).getChunkCount()).isEqualTo(1);
        assertThat(zh.get(0).getLanguage()).isEqualTo("zh-Hant");
        assertThat(zh.get(0).getTitle()).isEqualTo("啟德體育園週末交通安排");
        assertThat(zh.get(0).getText()).startsWith("運輸署表示，啟德體育園").contains("，");
        assertThat(zh.get(0).getSource()).isEqualTo("Transport Department (demo)");
        assertThat(zh.get(0).getPublishedAt().getSeconds()).isEqualTo(Instant.parse("2026-11-24T01:30:00Z").getEpochSecond());
        assertThat(zh.get(0).getContentHash()).hasSize(64);

        List<Chunk> en = chunks.get(enId);
        assertThat(en).extracting(Chunk::getLanguage).containsOnly("en");
        assertThat(en).extracting(Chunk::getDocId).containsOnly(enId);
        assertThat(en.get(0).getChunkId()).isEqualTo(enId + "#0");
    }

    @Test
    void aDuplicatePushProducesTheSameChunkIds() throws Exception {
        String text = "立法會財務委員會今日通過撥款，用於擴建將軍澳醫院。工程預計明年動工，二零三零年完成。"
                .repeat(12);
        String body = """
                {"title": "將軍澳醫院擴建獲撥款 %s", "text": "%s", "lang": "zh-Hant", "source": "demo"}
                """.formatted(run, text);
        String first = given().contentType(ContentType.JSON).body(body).post("/v1/documents")
                .then().statusCode(202).extract().jsonPath().getString("ids[0]");
        String second = given().contentType(ContentType.JSON).body(body).post("/v1/documents")
                .then().statusCode(202).extract().jsonPath().getString("ids[0]");
        assertThat(second).isEqualTo(first).startsWith("c-");

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.NEWS_CHUNKS)) {
            List<Chunk> all = new ArrayList<>();
            reader.readUntil(records -> {
                all.clear();
                all.addAll(decode(records, Set.of(first)));
                // Both pushes were processed: every chunk id twice.
                return !all.isEmpty() && all.size() == 2 * all.get(0).getChunkCount();
            }, WAIT);
            Map<String, Long> perId = all.stream().collect(Collectors.groupingBy(Chunk::getChunkId, Collectors.counting()));
            assertThat(perId.values()).containsOnly(2L);
            assertThat(all.get(0).getChunkCount()).isGreaterThan(1);
            assertThat(perId.keySet()).allMatch(id -> id.startsWith(first + "#"));
        }
    }

    @Test
    void readinessIncludesKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("SmallRye Reactive Messaging - readiness check"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data",
                        org.hamcrest.Matchers.hasKey("ingest-processor"));
    }

    @Test
    void malformedJsonIs400WithTheOpenAiErrorShape() {
        given().contentType(ContentType.JSON).body("{\"text\": \"abc\",")
                .when().post("/v1/documents")
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_json"))
                .body("error.message", containsString("parse the JSON body"))
                .body("error.param", nullValue());
    }

    @Test
    void missingTextIs400NamingText() {
        given().contentType(ContentType.JSON).body("{\"title\": \"no body\"}")
                .when().post("/v1/documents")
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("text"))
                .body("error.code", equalTo("missing_required_parameter"));
        given().contentType(ContentType.JSON).body("[{\"text\": \"ok\"}, {\"text\": \"  \"}]")
                .when().post("/v1/documents")
                .then().statusCode(400).body("error.param", equalTo("[1].text"));
        given().contentType(ContentType.JSON).body("{\"text\": \"x\", \"id\": \"bad id#1\"}")
                .when().post("/v1/documents")
                .then().statusCode(400).body("error.param", equalTo("id"));
        given().contentType(ContentType.JSON).body("{\"text\": \"x\", \"published_at\": \"2026-11-24 09:30\"}")
                .when().post("/v1/documents")
                .then().statusCode(400).body("error.param", equalTo("published_at"));
    }

    @Test
    void tooLargeBodyIs413AndTooManyDocumentsIs400() {
        String big = "{\"text\": \"" + "香港".repeat(300_000) + "\"}"; // ~1.8 MB of UTF-8
        given().contentType(ContentType.JSON).body(big)
                .when().post("/v1/documents")
                .then().statusCode(413)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("request_too_large"));
        String many = "[" + "{\"text\":\"t\"},".repeat(500) + "{\"text\":\"t\"}]";
        given().contentType(ContentType.JSON).body(many)
                .when().post("/v1/documents")
                .then().statusCode(400).body("error.code", equalTo("too_many_documents"));
    }

    private Map<String, List<Chunk>> awaitChunks(Set<String> docIds) {
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.NEWS_CHUNKS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(rs -> {
                Map<String, List<Chunk>> byDoc = group(decode(rs, docIds));
                return byDoc.keySet().containsAll(docIds)
                        && byDoc.values().stream().allMatch(cs -> cs.size() >= cs.get(0).getChunkCount());
            }, WAIT);
            return group(decode(records, docIds));
        }
    }

    static List<Chunk> decode(Collection<ConsumerRecord<String, byte[]>> records, Set<String> docIds) {
        List<Chunk> chunks = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (!docIds.contains(r.key())) {
                continue;
            }
            try {
                Chunk c = Chunk.parseFrom(r.value());
                assertThat(c.getDocId()).isEqualTo(r.key());
                chunks.add(c);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("chunk topic holds a non-Chunk record", e);
            }
        }
        return chunks;
    }

    static Map<String, List<Chunk>> group(List<Chunk> chunks) {
        return chunks.stream().collect(Collectors.groupingBy(Chunk::getDocId));
    }
}
