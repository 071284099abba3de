package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A caller's W3C trace context travels with its request through every hop: HTTP into the gateway, gRPC to the
 * guard, HTTP to ingest, and the Kafka record headers of what each service publishes (audit, safety decisions,
 * raw news, chunks). Checked on the records themselves, as a trace backend would join them.
 */
class TracePropagationIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Mesh mesh;
    private static Api api;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
        api = new Api(mesh);
    }

    @Test
    void aChatCarriesTheCallersTraceToTheGuardAndIntoTheAuditAndDecisionRecords() throws Exception {
        String traceId = hex(16);
        Api.Reply answer = api.post("/v1/chat/completions", """
                {"model":"hkgai","messages":[{"role":"user","content":"天文台今日有冇發出暴雨警告？"}]}""",
                Map.of("traceparent", traceparent(traceId)));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);

        // The gateway's own audit record, and the guard's decision record: the guard only knows the trace id if
        // it came over gRPC metadata.
        assertThat(recordsWithTrace("hkgai.audit.v1", traceId)).as("audit records of trace " + traceId).isNotEmpty();
        assertThat(recordsWithTrace("hkgai.safety.decisions.v1", traceId)).as("safety decisions of trace " + traceId).isNotEmpty();
    }

    @Test
    void aPushedDocumentCarriesTheCallersTraceThroughIngestIntoTheChunksTopic() throws Exception {
        String traceId = hex(16);
        String docId = "trace-" + UUID.randomUUID();
        Api.Reply pushed = api.post("/v1/documents", """
                {"id": "%s", "title": "Trace test: MTR adds trains on the Tuen Ma line",
                 "text": "The MTR Corporation will add four trains an hour on the Tuen Ma line during the morning peak from next Monday.",
                 "source": "e2e", "lang": "en"}""".formatted(docId), Map.of("traceparent", traceparent(traceId)));
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(202);

        // Gateway -> ingest over HTTP, ingest -> hkgai.news.raw.v1 -> ingest's processor -> hkgai.news.chunks.v1.
        assertThat(recordsWithTrace("hkgai.news.raw.v1", traceId)).as("raw news of trace " + traceId).isNotEmpty();
        assertThat(recordsWithTrace("hkgai.news.chunks.v1", traceId)).as("chunks of trace " + traceId).isNotEmpty();
    }

    /** Reads the topic from the start for up to 30 s and returns the records whose traceparent names the trace. */
    private static List<ConsumerRecord<byte[], byte[]>> recordsWithTrace(String topic, String traceId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, mesh.kafkaBootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-trace-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Header h = r.headers().lastHeader("traceparent");
                    if (h != null && new String(h.value(), StandardCharsets.US_ASCII).contains("-" + traceId + "-")) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
