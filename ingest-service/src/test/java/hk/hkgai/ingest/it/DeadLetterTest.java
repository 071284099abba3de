package hk.hkgai.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.DeadLetterPublisher;
import hk.hkgai.testinfra.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Records that cannot be processed land in the dead-letter topic with a reason; processing goes on. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DeadLetterTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @Test
    void garbageAndEmptyItemsAreDeadLetteredAndTheNextItemIsStillProcessed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String garbageKey = "dlq-garbage-" + run;
        String emptyKey = "dlq-empty-" + run;
        byte[] garbage = "definitely not a protobuf NewsItem".getBytes(StandardCharsets.UTF_8);
        NewsItem empty = NewsItem.newBuilder().setDocId(emptyKey).setTitle("only markup").setContentType("text/html")
                .setText("<p>&nbsp;</p><script>var x = 1;</script>").setOrigin("push").build();
        // Same key as the garbage: same partition, so it is consumed after it.
        NewsItem good = NewsItem.newBuilder().setDocId(garbageKey).setText("Processing continues after a dead letter.")
                .setContentType("text/plain").setOrigin("push").build();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.NEWS_RAW, garbageKey, garbage)).get();
            producer.send(new ProducerRecord<>(Topics.NEWS_RAW, emptyKey, empty.toByteArray())).get();
            producer.send(new ProducerRecord<>(Topics.NEWS_RAW, garbageKey, good.toByteArray())).get();
        }

        List<ConsumerRecord<String, byte[]>> dead;
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.NEWS_DEAD_LETTER)) {
            dead = reader.readUntil(rs -> rs.stream().map(ConsumerRecord::key).toList()
                    .containsAll(List.of(garbageKey, emptyKey)), Duration.ofSeconds(60));
        }
        ConsumerRecord<String, byte[]> g = dead.stream().filter(r -> r.key().equals(garbageKey)).findFirst().orElseThrow();
        assertThat(g.value()).isEqualTo(garbage);
        assertThat(header(g, DeadLetterPublisher.REASON_CODE)).isEqualTo("unparseable");
        assertThat(header(g, DeadLetterPublisher.REASON)).contains("not a hkgai.events.v1.NewsItem");
        assertThat(header(g, "source-topic")).isEqualTo(Topics.NEWS_RAW);
        ConsumerRecord<String, byte[]> e = dead.stream().filter(r -> r.key().equals(emptyKey)).findFirst().orElseThrow();
        assertThat(header(e, DeadLetterPublisher.REASON_CODE)).isEqualTo("empty_text");
        assertThat(NewsItem.parseFrom(e.value())).isEqualTo(empty);

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.NEWS_CHUNKS)) {
            reader.readUntil(rs -> !PushApiTest.decode(rs, Set.of(garbageKey)).isEmpty(), Duration.ofSeconds(60));
        }
        assertThat(registry.get("hkgai_ingest_dead_letters_total").tag("reason", "unparseable").counter().count()).isPositive();
        assertThat(registry.get("hkgai_ingest_dead_letters_total").tag("reason", "empty_text").counter().count()).isPositive();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
