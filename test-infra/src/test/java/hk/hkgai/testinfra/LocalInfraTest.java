package hk.hkgai.testinfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts a real Kafka and a real OpenSearch through the Quarkus test resources (state under
 * {@code target/test-infra}), checks each with real traffic, and stops them.
 */
class LocalInfraTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static KafkaTestResource kafkaResource;
    private static OpenSearchTestResource openSearchResource;
    private static String bootstrap;
    private static String openSearchUrl;

    @BeforeAll
    static void startBoth() {
        kafkaResource = new KafkaTestResource();
        kafkaResource.init(Map.of());
        openSearchResource = new OpenSearchTestResource();
        openSearchResource.init(Map.of());
        // in parallel: the two starts mostly wait on JVM startup and each other's I/O
        CompletableFuture<Map<String, String>> kafka = CompletableFuture.supplyAsync(kafkaResource::start);
        CompletableFuture<Map<String, String>> os = CompletableFuture.supplyAsync(openSearchResource::start);
        bootstrap = kafka.join().get("kafka.bootstrap.servers");
        openSearchUrl = os.join().get("hkgai.opensearch.url");
    }

    @AfterAll
    static void stopBoth() {
        if (kafkaResource != null) {
            kafkaResource.stop();
        }
        if (openSearchResource != null) {
            openSearchResource.stop();
        }
        if (bootstrap != null) {
            assertFalse(portOpen(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1))),
                    "kafka still listening after stop");
        }
        if (openSearchUrl != null) {
            assertFalse(portOpen(URI.create(openSearchUrl).getPort()), "opensearch still listening after stop");
        }
    }

    @Test
    void repoRootAndPorts() {
        assertTrue(Files.isRegularFile(LocalInfra.repoRoot().resolve(LocalInfra.OPENSEARCH_SCRIPT)));
        int a = LocalInfra.freePort();
        int b = LocalInfra.freePort();
        assertTrue(a != b && a > 0 && b > 0);
        assertTrue(bootstrap.startsWith("127.0.0.1:"), bootstrap);
        assertTrue(openSearchUrl.startsWith("http://127.0.0.1:"), openSearchUrl);
    }

    @Test
    void kafkaProduceConsume() throws Exception {
        String topic = "test-infra-" + UUID.randomUUID();
        String value = "天文台發出八號颱風信號 " + System.nanoTime();

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            RecordMetadata md = producer.send(new ProducerRecord<>(topic, "k1", value)).get(60, TimeUnit.SECONDS);
            assertTrue(md.offset() >= 0);
        }

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-infra-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (got.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    got.add(r.value());
                }
            }
        }
        assertEquals(List.of(value), got);
    }

    @Test
    void kafkaSameStateDirIsShared() {
        Path dir = LocalInfra.moduleStateDir("kafka");
        LocalKafka again = LocalKafka.start(dir);
        LocalKafka third = LocalKafka.start(dir);
        try {
            assertEquals(bootstrap, again.bootstrapServers());
            assertSame(again, third);
        } finally {
            third.stop();
            again.stop();
        }
        assertTrue(portOpen(again.port()), "broker must keep running while the test resource uses it");
    }

    @Test
    void openSearchIndexAndSearchChinese() throws Exception {
        String index = "test-infra-" + UUID.randomUUID();
        String settings = """
                {
                  "settings": {
                    "index": { "knn": true, "number_of_shards": 1, "number_of_replicas": 0 },
                    "analysis": {
                      "char_filter": { "t2s": { "type": "mapping", "mappings_path": "analysis/t2s.txt" } },
                      "analyzer": {
                        "zh": { "type": "custom", "char_filter": ["t2s"], "tokenizer": "standard",
                                "filter": ["cjk_width", "lowercase", "cjk_bigram"] }
                      }
                    }
                  },
                  "mappings": {
                    "properties": {
                      "title": { "type": "text", "analyzer": "zh" },
                      "vec": { "type": "knn_vector", "dimension": 4,
                               "method": { "name": "hnsw", "engine": "lucene", "space_type": "cosinesimil" } }
                    }
                  }
                }""";
        assertStatus(200, http("PUT", openSearchUrl + "/" + index, settings));

        // Traditional and Simplified spellings analyse to the same tokens
        String trad = http("POST", openSearchUrl + "/" + index + "/_analyze", "{\"analyzer\":\"zh\",\"text\":\"颱風\"}").body();
        String simp = http("POST", openSearchUrl + "/" + index + "/_analyze", "{\"analyzer\":\"zh\",\"text\":\"台风\"}").body();
        assertTrue(trad.contains("\"token\":\"台风\""), trad);
        assertEquals(trad, simp);

        assertStatus(201, http("PUT", openSearchUrl + "/" + index + "/_doc/hko-1?refresh=true",
                "{\"title\":\"天文台發出八號烈風或暴風信號，颱風逼近香港\",\"vec\":[1,0,0,0]}"));
        assertStatus(201, http("PUT", openSearchUrl + "/" + index + "/_doc/mtr-1?refresh=true",
                "{\"title\":\"港铁服务正常\",\"vec\":[0,1,0,0]}"));

        HttpResponse<String> bm25 = http("POST", openSearchUrl + "/" + index + "/_search",
                "{\"query\":{\"match\":{\"title\":\"台风 信号\"}}}");
        assertStatus(200, bm25);
        assertTrue(bm25.body().contains("\"_id\":\"hko-1\""), bm25.body());
        assertFalse(bm25.body().contains("\"_id\":\"mtr-1\""), bm25.body());

        HttpResponse<String> knn = http("POST", openSearchUrl + "/" + index + "/_search",
                "{\"size\":1,\"_source\":false,\"query\":{\"knn\":{\"vec\":{\"vector\":[0.1,0.9,0,0],\"k\":1}}}}");
        assertStatus(200, knn);
        assertTrue(knn.body().contains("\"_id\":\"mtr-1\""), knn.body());

        assertStatus(200, http("DELETE", openSearchUrl + "/" + index, null));
    }

    @Test
    void runScriptReportsFailure() {
        LocalInfra.ScriptResult r = LocalInfra.runScript(LocalInfra.KAFKA_SCRIPT, List.of("no-such-command"),
                Map.of(), Duration.ofSeconds(30));
        assertEquals(2, r.exitCode());
        assertThrows(IllegalStateException.class, () -> LocalInfra.runScriptOrThrow(LocalInfra.KAFKA_SCRIPT,
                List.of("no-such-command"), Map.of(), Duration.ofSeconds(30)));
    }

    private static HttpResponse<String> http(String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertStatus(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(), response.uri() + " -> " + response.body());
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
