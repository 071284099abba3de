package hk.hkgai.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.DeadLetterPublisher;
import hk.hkgai.testinfra.KafkaTestResource;
import hk.hkgai.text.DocumentIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A polled feed with one good item and one item of each malformed kind (test feed malformed-items): the good
 * one reaches the chunks topic, each bad one the dead-letter topic with its reason, and a feed that cannot be
 * parsed at all (broken-garbage) is dead-lettered too, keyed by its feed id. All on a real broker.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MalformedFeedTest {
    /** Records older than this JVM come from an earlier run against the same test broker. */
    private static final long JVM_START = ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final Map<String, String> EXPECTED_REASONS = Map.of(
            DocumentIds.fromUrl(MalformedItemsFeed.BIG5), "bad_encoding",
            DocumentIds.fromUrl(MalformedItemsFeed.HUGE), "too_large",
            DocumentIds.fromUrl(MalformedItemsFeed.FUTURE), "future_date",
            DocumentIds.fromUrl(MalformedItemsFeed.SCRIPT), "html_in_title",
            "broken-garbage", "feed_unparseable");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @Test
    void theGoodItemIsChunkedAndEachBadOneIsDeadLetteredWithItsReason() throws Exception {
        Map<String, ConsumerRecord<String, byte[]>> dead;
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.NEWS_DEAD_LETTER)) {
            dead = latest(reader.readUntil(rs -> latest(rs).keySet().containsAll(EXPECTED_REASONS.keySet()), Duration.ofSeconds(60)));
        }
        EXPECTED_REASONS.forEach((key, reason) ->
                assertThat(header(dead.get(key), DeadLetterPublisher.REASON_CODE)).as(key).isEqualTo(reason));

        // Item rejections by the processor carry the raw record unchanged (replayable once fixed) ...
        ConsumerRecord<String, byte[]> future = dead.get(DocumentIds.fromUrl(MalformedItemsFeed.FUTURE));
        assertThat(NewsItem.parseFrom(future.value()).getFeedId()).isEqualTo("malformed-items");
        assertThat(header(future, "source-topic")).isEqualTo(Topics.NEWS_RAW);
        assertThat(header(dead.get(DocumentIds.fromUrl(MalformedItemsFeed.SCRIPT)), DeadLetterPublisher.REASON))
                .contains("<script>").doesNotContain("alert");
        // ... an item too large for the raw topic never went there: the poller dead-lettered it, cut to the limit.
        ConsumerRecord<String, byte[]> huge = dead.get(DocumentIds.fromUrl(MalformedItemsFeed.HUGE));
        assertThat(header(huge, "source")).isEqualTo("feed");
        assertThat(header(huge, "feed-id")).isEqualTo("malformed-items");
        assertThat(header(huge, "truncated")).isEqualTo("true");
        assertThat(Integer.parseInt(header(huge, "original-chars"))).isGreaterThan(MalformedItemsFeed.HUGE_CHARS);
        assertThat(NewsItem.parseFrom(huge.value()).getText()).hasSizeLessThanOrEqualTo(20_000);
        // ... and a feed that is not a feed, once, with what the server sent.
        ConsumerRecord<String, byte[]> garbage = dead.get("broken-garbage");
        assertThat(header(garbage, "feed-url")).endsWith("/test-feeds/garbage");
        assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).startsWith("<<this is");

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.NEWS_CHUNKS)) {
            String good = DocumentIds.fromUrl(MalformedItemsFeed.GOOD);
            List<Chunk> chunks = reader.readUntil(rs -> !PushApiTest.decode(fresh(rs), Set.of(good)).isEmpty(), Duration.ofSeconds(60))
                    .stream().filter(r -> r.key().equals(good)).map(MalformedFeedTest::chunk).toList();
            assertThat(chunks.get(0).getTitle()).isEqualTo("東涌新巴士路線周日開辦");
            assertThat(chunks.get(0).getScript()).isEqualTo("Hant");
            assertThat(chunks.get(0).getTokenCount()).isPositive();
        }
        assertThat(registry.get("hkgai_ingest_feed_items_rejected_total").tag("feed", "malformed-items").tag("reason", "bad_encoding")
                .counter().count()).isPositive();
        assertThat(registry.get("hkgai_ingest_feed_items_rejected_total").tag("feed", "malformed-items").tag("reason", "too_large")
                .counter().count()).isEqualTo(1); // remembered: not dead-lettered again on every poll
        assertThat(registry.get("hkgai_ingest_dead_letters_total").tag("reason", "feed_unparseable").counter().count()).isEqualTo(1);
    }

    /** This run's records, the last per key. */
    private static Map<String, ConsumerRecord<String, byte[]>> latest(List<ConsumerRecord<String, byte[]>> records) {
        return fresh(records).stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity(), (a, b) -> b));
    }

    private static List<ConsumerRecord<String, byte[]>> fresh(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.timestamp() >= JVM_START).toList();
    }

    private static Chunk chunk(ConsumerRecord<String, byte[]> r) {
        try {
            return Chunk.parseFrom(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
