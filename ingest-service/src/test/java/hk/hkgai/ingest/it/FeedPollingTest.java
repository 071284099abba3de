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
 * The poller on the test feed list (src/test/resources/feeds/test.yaml): the fixture feeds of every format
 * served by the app itself over HTTP (RSS, Atom, JSON Feed, HKO warnsum and warningInfo), and broken feeds.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FeedPollingTest {
    /** Chunks older than this JVM come from an earlier run against the same test broker. */
    private static final Instant JVM_START = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    private static final String SIGNAL8 = url("https://news.hkgai.example/weather/2026/11/23/signal-8");
    private static final String SUBSIDY_HANS = url("https://news.hkgai.example/gov/2026/11/24/transport-subsidy-sc");
    private static final String SUBSIDY_EN = url("https://wire.hkgai.example/2026/11/24/transport-subsidy-en");
    private static final String AMBER_HANT = url("https://bulletins.hkgai.example/weather/2026/11/24/amber-rainstorm");
    private static final String AMBER_HANS = url("https://wire.hkgai.example/2026/11/24/amber-rainstorm-sc");

    /** doc_id -> {title, language, published_at}: what the fixture entries must become. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            // RSS (pubDates in +0800, GMT, -0500)
            expect(SIGNAL8, "天文台發出八號烈風或暴風信號", "zh-Hant", "2026-11-23T13:40:00Z"),
            expect(url("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line"), // utm_* dropped
                    "MTR: Tsuen Wan Line service resumes after signalling fault", "en", "2026-11-23T23:20:00Z"),
            expect(SUBSIDY_HANS, "特区政府公布新一轮公共交通费用补贴计划", "zh-Hans", "2026-11-23T19:30:00Z"),
            expect(url("https://news.hkgai.example/weather/2026/11/24/cold-weather"),
                    "Observatory: cold weather warning in force, temperatures to fall to 9 degrees", "en", "2026-11-24T08:45:00Z"),
            // Atom
            expect(url("https://bulletins.hkgai.example/legco/2026/11/24/stamp-duty-bill"),
                    "LegCo passes Stamp Duty (Amendment) Bill 2026", "en", "2026-11-24T10:05:00Z"),
            expect(AMBER_HANT, "黃色暴雨警告信號現正生效", "zh-Hant", "2026-11-23T22:25:00Z"), // only <updated>
            expect(url("https://bulletins.hkgai.example/transport/2026/11/25/east-rail"),
                    "港鐵：東鐵綫今朝訊號故障，班次有延誤", "yue", "2026-11-24T23:48:00Z"),
            expect(url("tag:hkgai.example,2026:hzmb-e-channels"), // no link: the Atom id identifies it
                    "港珠澳大桥香港口岸新增自助通关通道", "zh-Hans", "2026-11-24T04:00:00Z"),
            // JSON Feed: a Simplified copy of the Atom rainstorm story, an English account of the RSS subsidy story,
            // and an item whose date has no offset (read as Hong Kong time)
            expect(AMBER_HANS, "黄色暴雨警告信号现正生效", "zh-Hans", "2026-11-23T22:35:00Z"),
            expect(SUBSIDY_EN, "New round of public transport fare subsidy from January", "en", "2026-11-23T20:00:00Z"),
            expect(url("guid:demo-jsonfeed:wire-demo-20261124-ferry"),
                    "Outlying island ferry fares to rise by 3.5 per cent in January", "en", "2026-11-24T08:30:00Z"),
            // HKO open data: warnsum (text written from its fields) and warningInfo (the bulletin's lines)
            expect("hko:demo-hko-warnsum-tc:WRAIN:WRAINA:" + Instant.parse("2026-11-23T22:25:00Z").getEpochSecond(),
                    "天文台發出黃色暴雨警告信號", "zh-Hant", "2026-11-23T22:25:00Z"),
            expect("hko:demo-hko-warninginfo-en:WTS:" + Instant.parse("2026-11-23T23:30:00Z").getEpochSecond(),
                    "Thunderstorm Warning", "en", "2026-11-23T23:30:00Z"));

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
            assertThat(first.getSource()).isIn("HK demo newswire", "HK demo bulletins", "HK demo wire", "香港天文台 (示範)",
                    "Hong Kong Observatory (demo)");
            assertThat(chunks).extracting(Chunk::getChunkId)
                    .contains(DocumentIds.chunkId(docId, 0));
            assertThat(chunks).allSatisfy(c -> {
                assertThat(c.getTokenCount()).isPositive();
                assertThat(c.getScript()).isIn("Hant", "Hans", "Latin", "mixed");
                assertThat(c.getClusterId()).isNotEmpty();
                assertThat(c.getSimhash()).isNotZero();
            });
        });
        // Near-duplicates across feeds share a cluster (the first one processed names it); a translation does not.
        String cluster = byDoc.get(AMBER_HANT).get(0).getClusterId();
        assertThat(cluster).isIn(AMBER_HANT, AMBER_HANS);
        assertThat(byDoc.get(AMBER_HANS).get(0).getClusterId()).isEqualTo(cluster);
        assertThat(byDoc.get(AMBER_HANT).get(0).getScript()).isEqualTo("Hant");
        assertThat(byDoc.get(AMBER_HANS).get(0).getScript()).isEqualTo("Hans");
        assertThat(byDoc.get(AMBER_HANS).get(0).getText()).doesNotContain("分享"); // "分享到微博" is boilerplate
        assertThat(byDoc.get(SUBSIDY_EN).get(0).getClusterId()).isEqualTo(SUBSIDY_EN);
        assertThat(byDoc.get(SUBSIDY_EN).get(0).getScript()).isEqualTo("Latin");
        assertThat(byDoc.get(SUBSIDY_HANS).get(0).getClusterId()).isEqualTo(SUBSIDY_HANS);
        String signal8 = byDoc.get(SIGNAL8).stream().sorted(java.util.Comparator.comparingInt(Chunk::getChunkIndex))
                .map(Chunk::getText).collect(Collectors.joining());
        assertThat(signal8)
                .doesNotContain("<p>", "&nbsp;")
                .contains("八號東北烈風或暴風信號。", "2835 1473"); // full-width punctuation kept, nbsp decoded
        Chunk mtr = byDoc.get(url("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line")).get(0);
        assertThat(mtr.getText()).contains("\u201cWe apologise"); // &ldquo; decoded; content:encoded preferred
        assertThat(mtr.getUrl()).isEqualTo("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line");
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
    void brokenFeedsAreCountedAsFailedOpenTheirCircuitsAndTheOthersGoOn() {
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

        // Three failures in a row (test profile) open a circuit; it stays open, with a probe every 3 s.
        await().atMost(Duration.ofSeconds(40)).until(() ->
                given().get("/v1/feeds").then().extract().jsonPath().getString("feeds.find { it.id == 'broken-refused' }.circuit")
                        .equals("open"));
        JsonPath feeds = given().get("/v1/feeds").then().statusCode(200).extract().jsonPath();
        assertThat(feeds.getList("feeds.id", String.class)).containsExactly("broken-500", "broken-garbage", "broken-refused",
                "demo-hk-atom", "demo-hk-rss", "demo-hko-warninginfo-en", "demo-hko-warnsum-tc", "demo-jsonfeed", "malformed-items");
        assertThat(feeds.getInt("feeds.find { it.id == 'broken-500' }.consecutive_failures")).isPositive();
        assertThat(feeds.getString("feeds.find { it.id == 'broken-500' }.last_error")).contains("HTTP 500");
        assertThat(feeds.getBoolean("feeds.find { it.id == 'broken-500' }.healthy")).isFalse();
        assertThat(feeds.getString("feeds.find { it.id == 'demo-hk-rss' }.last_success")).isNotNull();
        assertThat(feeds.getBoolean("feeds.find { it.id == 'demo-hk-rss' }.healthy")).isTrue();
        assertThat(feeds.getString("feeds.find { it.id == 'demo-hk-rss' }.circuit")).isEqualTo("closed");
        assertThat(feeds.getString("feeds.find { it.id == 'demo-jsonfeed' }.format")).isEqualTo("jsonfeed");
        assertThat(feeds.getLong("feeds.find { it.id == 'demo-hk-rss' }.lag_seconds")).isLessThan(30);
        assertThat(feeds.getString("feeds.find { it.id == 'demo-hk-rss' }.newest_item_at")).isEqualTo("2026-11-24T08:45:00Z");
        assertThat(gauge("hkgai_ingest_feed_healthy", "demo-hk-rss")).isEqualTo(1);
        assertThat(gauge("hkgai_ingest_feed_healthy", "broken-500")).isZero();
        assertThat(gauge("hkgai_ingest_feed_circuit_state", "demo-hk-rss")).isZero();
        assertThat(gauge("hkgai_ingest_feed_lag_seconds", "broken-refused")).isPositive();
        assertThat(gauge("hkgai_ingest_feed_newest_item_age_seconds", "demo-hk-atom")).isGreaterThan(3600);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(
                "hkgai_ingest_feed_polls_total{feed=\"demo-hk-rss\"}",
                "hkgai_ingest_feed_poll_failures_total{feed=\"broken-500\",reason=\"http_5xx\"}",
                "hkgai_ingest_feed_items_published_total{feed=\"demo-hk-atom\"}",
                "hkgai_ingest_feed_items_fetched_total{feed=\"demo-jsonfeed\"}",
                "hkgai_ingest_feed_last_success_seconds{feed=\"demo-hk-rss\"}",
                "hkgai_ingest_feed_healthy{feed=\"demo-hko-warnsum-tc\"}",
                "hkgai_ingest_feed_circuit_state{feed=\"broken-refused\"}",
                "hkgai_ingest_feed_lag_seconds{feed=\"demo-hk-rss\"}",
                "hkgai_ingest_feed_newest_item_age_seconds{feed=\"demo-hk-rss\"}",
                "hkgai_ingest_feed_fetch_duration_seconds_count{feed=\"demo-hk-rss\",outcome=\"ok\"}",
                "hkgai_ingest_feed_fetch_duration_seconds_sum{feed=\"broken-500\",outcome=\"error\"}",
                "hkgai_ingest_items_received_total{origin=\"feed\"}",
                "hkgai_ingest_chunks_produced_total{language=\"yue\"}");
    }

    private double gauge(String name, String feed) {
        return registry.get(name).tag("feed", feed).gauge().value();
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

    private static Map.Entry<String, List<String>> expect(String docId, String title, String language, String publishedAt) {
        return Map.entry(docId, List.of(title, language, publishedAt));
    }

    private static String url(String u) {
        return DocumentIds.fromUrl(u);
    }
}
