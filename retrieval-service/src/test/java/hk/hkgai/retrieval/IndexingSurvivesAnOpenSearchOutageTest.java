package hk.hkgai.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.retrieval.v1.RetrievalService;
import hk.hkgai.contracts.retrieval.v1.SearchRequest;
import hk.hkgai.testinfra.KafkaTestResource;
import hk.hkgai.testinfra.LocalInfra;
import hk.hkgai.testinfra.LocalOpenSearch;
import hk.hkgai.testinfra.OpenSearchTestResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * OpenSearch goes down in the middle of a burst of chunks: searches fail cleanly (UNAVAILABLE) meanwhile, the
 * indexer holds its Kafka offsets and retries, and after recovery every chunk is searchable exactly once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OpenSearchTestResource.class)
class IndexingSurvivesAnOpenSearchOutageTest {
    private static final int BURST = 40;

    @GrpcClient("retrieval")
    RetrievalService retrieval;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyChunkOfABurstIsSearchableExactlyOnceAfterOpenSearchComesBack() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < BURST / 2; i++) {
                producer.send(record(i)).get();
            }
            LocalOpenSearch.pause(LocalInfra.moduleStateDir("opensearch"));
            try {
                for (int i = BURST / 2; i < BURST; i++) {
                    producer.send(record(i)).get();
                }
                // A replay of a chunk already sent must not add a document either.
                producer.send(record(3)).get();
                assertThatThrownBy(() -> search().await().atMost(Duration.ofSeconds(20)))
                        .isInstanceOfSatisfying(StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            } finally {
                LocalOpenSearch.resume(LocalInfra.moduleStateDir("opensearch"));
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            List<Passage> hits = search().await().atMost(Duration.ofSeconds(10)).getPassagesList();
            assertThat(hits).extracting(Passage::getDocId).hasSize(BURST).doesNotHaveDuplicates();
        });
    }

    private io.smallrye.mutiny.Uni<hk.hkgai.contracts.retrieval.v1.SearchResponse> search() {
        return retrieval.search(SearchRequest.newBuilder().setQuery("屯門公路 交通意外").setK(50).addSources("outage-test")
                .setIncludeDuplicates(true).build());
    }

    private static ProducerRecord<String, byte[]> record(int i) {
        String id = "outage-" + i;
        Chunk c = Chunk.newBuilder().setDocId(id).setChunkId(id + "#0").setChunkCount(1)
                .setTitle("屯門公路第" + i + "宗交通意外").setText("運輸署表示，屯門公路近青山公路出口發生第" + i + "宗交通意外，一條行車線暫時封閉，駕駛人士應改用其他道路。")
                .setLanguage("zh-Hant").setSource("outage-test").setUrl("https://example.hk/" + id)
                .setPublishedAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond())).build();
        return new ProducerRecord<>(Topics.NEWS_CHUNKS, id, c.toByteArray());
    }
}
