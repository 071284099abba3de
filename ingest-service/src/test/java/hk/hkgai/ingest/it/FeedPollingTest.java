package hk.hkgai.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.testinfra.KafkaTestResource;
import hk.hkgai.text.DocumentIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The poller on the test feed list (src/test/resources/feeds/test.yaml): the two fixture feeds served
 * by the app itself over HTTP, and three broken feeds.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FeedPollingTest {
    /** Chunks older than this JVM come from an earlier run against the same test broker. */
    private static final Instant JVM_START = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    /** doc_id -> {title, language, published_at}: what the fixture entries must become. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            url("https://news.hkgai.example/weather/2026/11/23/signal-8"),
            List.of("天文台發出八號烈風或暴風信號", "zh-Hant", "2026-11-23T13:40:00Z"),
            url("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line"), // utm_* dropped by canonicalUrl
            List.of("MTR: Tsuen Wan Line service resumes after signalling fault", "en", "2026-11-23T23:20:00Z"),
            url("https://news.hkgai.example/gov/2026/11/24/transport-subsidy-sc"),
            List.of("特区政府公布新一轮公共交通费用补贴计划", "zh-Hans", "2026-11-23T19:30:00Z"),
            url("https://news.hkgai.example/weather/2026/11/24/cold-weather"),
            List.of("Observatory: cold weather warning in force, temperatures to fall to 9 degrees", "en", "2026-11-24T08:45:00Z"),
            url("https://bulletins.hkgai.example/legco/2026/11/24/stamp-duty-bill"),
            List.of("LegCo passes Stamp Duty (Amendment) Bill 2026", "en", "2026-11-24T10:05:00Z"),
            url("https://bulletins.hkgai.example/weather/2026/11/24/amber-rainstorm"), // only <updated>
            List.of("黃色暴雨警告信號現正生效", "zh-Hant", "2026-11-23T22:25:00Z"),
            url("https://bulletins.hkgai.example/transport/2026/11/25/east-rail"),
            List.of("港鐵：東鐵綫今朝訊號故障，班次有延誤", "yue", "2026-11-24T23:48:00Z"),
            url("tag:hkgai.example,2026:hzmb-e-channels"), // no link: the Atom id identifies it
            List.of("港珠澳大桥香港口岸新增自助通关通道", "zh-Hans", "2026-11-24T04:00:00Z"));

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void fixtureFeedsArePolledOverHttpAndArriveAsChunks() {
        Map<String, List<Chunk>> byDoc;
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.NEWS_CHUNKS)) {
            var records = reader.readUntil(rs -> complete(fresh(rs)), Duration.ofSeconds(60));
            byDoc = fresh(records);
        }
        assertThat(byDoc.keySet()).containsAll(EXPECTED.keySet());
        EXPECTED.forEach((docId, expected) -> {
            List<Chunk> chunks = byDoc.get(docId);
            Chunk first = chunks.get(0);
            assertThat(first.getTitle()).as(docId).isEqualTo(expected.get(0));
            assertThat(first.getLanguage()).as(expected.get(0)).isEqualTo(expected.get(1));
            assertThat(Protos.instant(first.getPublishedAt())).as(expected.get(0)).isEqualTo(Instant.parse(expected.get(2)));
            assertThat(first.getSource()).isIn("HK demo newswire", "HK demo bulletins");
            assertThat(chunks).extracting(Chunk::getChunkId)
                    .contains(DocumentIds.chunkId(docId, 0));
        });
        Chunk signal8 = byDoc.get(url("https://news.hkgai.example/weather/2026/11/23/signal-8")).get(0);
        assertThat(signal8.getText())
                .doesNotContain("<p>", "&nbsp;")
                .contains("八號東北烈風或暴風信號。", "2835 1473"); // full-width punctuation kept, nbsp decoded
        Chunk mtr = byDoc.get(url("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line")).get(0);
        assertThat(mtr.getText()).contains("\u201cWe apologise"); // &ldquo; decoded; content:encoded preferred
        assertThat(mtr.getUrl()).startsWith("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line");
    }

    @Test
    void unchangedFeedsAreRefetchedConditionally() {
        // The static handler answers If-Modified-Since with 304 once the first 200 was processed.
        await().atMost(Duration.ofSeconds(30)).until(() -> count("hkgai_ingest_feed_not_modified_total", "demo-hk-rss") >= 1
                && count("hkgai_ingest_feed_not_modified_total", "demo-hk-atom") >= 1);
        assertThat(count("hkgai_ingest_feed_items_published_total", "demo-hk-rss")).isEqualTo(4);
        assertThat(count("hkgai_ingest_feed_items_published_total", "demo-hk-atom")).isEqualTo(4);
    }

    @Test
    void brokenFeedsAreCountedAsFailedAndTheOthersGoOn() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                failures("broken-500", "http_5xx") >= 1
                        && failures("broken-garbage", "parse") >= 1
                        && failures("broken-refused", "connect") >= 1);
        // The healthy feeds keep being polled while the broken ones fail.
        double before = count("hkgai_ingest_feed_polls_total", "demo-hk-rss");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("hkgai_ingest_feed_polls_total", "demo-hk-rss") >= before + 2);
        assertThat(registry.get("hkgai_ingest_feed_last_success_seconds").tag("feed", "demo-hk-atom").gauge().value())
                .isGreaterThan(JVM_START.getEpochSecond());
        assertThat(registry.get("hkgai_ingest_feed_last_success_seconds").tag("feed", "broken-500").gauge().value())
                .isZero();

        JsonPath feeds = given().get("/v1/feeds").then().statusCode(200).extract().jsonPath();
        assertThat(feeds.getList("feeds.id", String.class))
                .containsExactly("broken-500", "broken-garbage", "broken-refused", "demo-hk-atom", "demo-hk-rss");
        assertThat(feeds.getInt("feeds.find { it.id == 'broken-500' }.consecutive_failures")).isPositive();
        assertThat(feeds.getString("feeds.find { it.id == 'broken-500' }.last_error")).contains("HTTP 500");
        assertThat(feeds.getString("feeds.find { it.id == 'demo-hk-rss' }.last_success")).isNotNull();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(
                "hkgai_ingest_feed_polls_total{feed=\"demo-hk-rss\"}",
                "hkgai_ingest_feed_poll_failures_total{feed=\"broken-500\",reason=\"http_5xx\"}",
                "hkgai_ingest_feed_items_published_total{feed=\"demo-hk-atom\"}",
                "hkgai_ingest_feed_last_success_seconds{feed=\"demo-hk-rss\"}",
                "hkgai_ingest_items_received_total{origin=\"feed\"}",
                "hkgai_ingest_chunks_produced_total{language=\"yue\"}");
    }

    private Map<String, List<Chunk>> fresh(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records) {
        return PushApiTest.decode(records, EXPECTED.keySet()).stream()
                .filter(c -> !Protos.instant(c.getIngestedAt()).isBefore(JVM_START))
                .collect(Collectors.groupingBy(Chunk::getDocId));
    }

    private static boolean complete(Map<String, List<Chunk>> byDoc) {
        return byDoc.keySet().containsAll(EXPECTED.keySet())
                && byDoc.values().stream().allMatch(cs -> cs.size() >= cs.get(0).getChunkCount());
    }

    private double count(String name, String feed) {
        Counter c = registry.find(name).tag("feed", feed).counter();
        return c == null ? 0 : c.count();
    }

    private double failures(String feed, String reason) {
        Counter c = registry.find("hkgai_ingest_feed_poll_failures_total").tag("feed", feed).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    private static String url(String u) {
        return DocumentIds.fromUrl(u);
    }
}
