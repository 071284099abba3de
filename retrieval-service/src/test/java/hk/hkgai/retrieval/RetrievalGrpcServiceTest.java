package hk.hkgai.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.retrieval.v1.RetrievalService;
import hk.hkgai.contracts.retrieval.v1.SearchMode;
import hk.hkgai.contracts.retrieval.v1.SearchRequest;
import hk.hkgai.contracts.retrieval.v1.SearchResponse;
import hk.hkgai.testinfra.KafkaTestResource;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chunks go in over real Kafka, come out of real OpenSearch through the real gRPC API. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OpenSearchTestResource.class)
class RetrievalGrpcServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.now();
    private static boolean published;

    @GrpcClient("retrieval")
    RetrievalService retrieval;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "hkgai.opensearch.url")
    String openSearchUrl;

    @jakarta.inject.Inject
    hk.hkgai.retrieval.service.IndexStats indexStats;

    @io.quarkus.test.common.http.TestHTTPResource("/q/metrics")
    java.net.URL metrics;

    @BeforeEach
    void publishCorpusOnce() throws Exception {
        if (published) {
            return;
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Chunk c : List.of(
                    chunk("hko-t8", "天文台發出八號烈風或暴風信號", "天文台表示，颱風正吹襲香港，八號烈風或暴風信號現正生效，市民應留在安全地方。", "zh-Hant", "HKO", NOW.minusSeconds(3600)),
                    chunk("mtr-hans", "港铁东铁线服务受阻", "港铁表示，东铁线因信号故障，上水至罗湖段列车服务暂停，乘客请改乘其他交通工具。", "zh-Hans", "MTR", NOW.minusSeconds(7200)),
                    chunk("legco-en", "LegCo passes the budget", "The Legislative Council passed the Appropriation Bill on Wednesday after a debate of two days.", "en", "ISD", NOW.minusSeconds(86400 * 20)),
                    chunk("typhoon-old", "天文台發出三號強風信號", "天文台表示，颱風逐漸遠離，三號強風信號取代八號信號。", "zh-Hant", "RTHK", NOW.minusSeconds(86400 * 30)),
                    // One story from two outlets, the second in Simplified script: ingest put both in one cluster.
                    chunk("voucher-a", "消費券第二期下月發放", "政府宣布第二期電子消費券將於下月一日發放，合資格市民無須再次登記。", "zh-Hant", "ISD", NOW.minusSeconds(5000)),
                    chunk("voucher-b", "消费券第二期下月发放", "政府宣布第二期电子消费券将于下月一日发放，合资格市民无须再次登记。", "zh-Hans", "Wire", NOW.minusSeconds(4000))
                            .toBuilder().setClusterId("voucher-a").build())) {
                producer.send(new ProducerRecord<>(Topics.NEWS_CHUNKS, c.getDocId(), c.toByteArray())).get();
            }
            // A replay of the same chunk must not create a second document.
            Chunk again = chunk("hko-t8", "天文台發出八號烈風或暴風信號", "天文台表示，颱風正吹襲香港，八號烈風或暴風信號現正生效，市民應留在安全地方。", "zh-Hant", "HKO", NOW.minusSeconds(3600));
            producer.send(new ProducerRecord<>(Topics.NEWS_CHUNKS, again.getDocId(), again.toByteArray())).get();
            // Garbage on the topic is skipped, not fatal.
            producer.send(new ProducerRecord<>(Topics.NEWS_CHUNKS, "junk", new byte[] {1, 2, 3, 4, 5})).get();
        }
        published = true;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> search("LegCo budget", 5).stream().anyMatch(p -> p.getDocId().equals("legco-en"))
                        && !search("天文台", 10).isEmpty() && search("天文台", 10).size() >= 2);
    }

    @Test
    void simplifiedQueryFindsTraditionalTextWithCitationMetadata() {
        List<Passage> hits = search("台风 八号烈风", 5);
        assertThat(hits).isNotEmpty();
        Passage top = hits.get(0);
        assertThat(top.getDocId()).isEqualTo("hko-t8");
        assertThat(top.getChunkId()).isEqualTo("hko-t8#0");
        assertThat(top.getTitle()).isEqualTo("天文台發出八號烈風或暴風信號");
        assertThat(top.getUrl()).isEqualTo("https://example.hk/hko-t8");
        assertThat(top.getSource()).isEqualTo("HKO");
        assertThat(top.getPublishedAt().getSeconds()).isEqualTo(NOW.minusSeconds(3600).getEpochSecond());
        assertThat(top.getSnippet()).contains("<em>");
    }

    @Test
    void traditionalQueryFindsSimplifiedText() {
        assertThat(search("東鐵綫 信號故障", 3)).first().satisfies(p -> assertThat(p.getDocId()).isEqualTo("mtr-hans"));
    }

    @Test
    void replayedChunkIsIndexedOnce() {
        assertThat(search("八號烈風或暴風信號", 10)).filteredOn(p -> p.getDocId().equals("hko-t8")).hasSize(1);
    }

    @Test
    void filtersBySourceAndLanguage() {
        // Indexing is asynchronous (Kafka, bulk, refresh): the setup waits for some documents, not for every one.
        SearchRequest bySource = SearchRequest.newBuilder().setQuery("天文台 信號").setK(10).addSources("RTHK").build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(retrieval.search(bySource).await().atMost(WAIT)
                .getPassagesList()).extracting(Passage::getDocId).containsExactly("typhoon-old"));
        SearchRequest byLang = SearchRequest.newBuilder().setQuery("天文台 信號 budget").setK(10).addLanguages("en").build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(retrieval.search(byLang).await().atMost(WAIT)
                .getPassagesList()).extracting(Passage::getDocId).containsExactly("legco-en"));
    }

    @Test
    void recencyBoostPutsTheNewestNoticeFirst() {
        SearchRequest recent = SearchRequest.newBuilder().setQuery("天文台 信號 颱風").setK(5).setPreferRecent(true).build();
        assertThat(retrieval.search(recent).await().atMost(WAIT).getPassagesList()).first()
                .satisfies(p -> assertThat(p.getDocId()).isEqualTo("hko-t8"));
    }

    @Test
    void cantoneseColloquialQueryFindsFormalNewsText() {
        SearchResponse r = retrieval.search(SearchRequest.newBuilder().setQuery("天文台有冇掛八號風球？").setK(3).build())
                .await().atMost(WAIT);
        assertThat(r.getRewrittenQuery()).contains("沒有").contains("八號烈風或暴風信號");
        assertThat(r.getPassagesList()).first().satisfies(p -> assertThat(p.getDocId()).isEqualTo("hko-t8"));
    }

    @Test
    void vectorSearchFindsAParaphraseInTheOtherScript() {
        // The model loads in the background and the backfill adds vectors to chunks indexed before it was ready.
        SearchRequest q = SearchRequest.newBuilder().setQuery("台风正在吹袭香港，市民请留在室内").setK(1)
                .setMode(SearchMode.SEARCH_MODE_VECTOR).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            SearchResponse r = retrieval.search(q).await().atMost(WAIT);
            assertThat(r.getMode()).isEqualTo(SearchMode.SEARCH_MODE_VECTOR);
            assertThat(r.getPassagesList()).extracting(Passage::getDocId).containsExactly("hko-t8");
        });
    }

    @Test
    void defaultModeIsHybridAndLexicalCanBeAskedFor() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(retrieval.search(SearchRequest.newBuilder().setQuery("消費券").build()).await().atMost(WAIT).getMode())
                        .isEqualTo(SearchMode.SEARCH_MODE_HYBRID));
        SearchResponse lexical = retrieval.search(SearchRequest.newBuilder().setQuery("消費券").setMode(SearchMode.SEARCH_MODE_LEXICAL).build())
                .await().atMost(WAIT);
        assertThat(lexical.getMode()).isEqualTo(SearchMode.SEARCH_MODE_LEXICAL);
        assertThat(lexical.getPassagesList()).isNotEmpty();
    }

    @Test
    void nearDuplicatesCollapseToOnePassageUnlessAskedFor() {
        SearchRequest collapsed = SearchRequest.newBuilder().setQuery("电子消费券 发放").setK(5).build();
        assertThat(retrieval.search(collapsed).await().atMost(WAIT).getPassagesList())
                .filteredOn(p -> p.getDocId().startsWith("voucher-")).hasSize(1)
                .allSatisfy(p -> assertThat(p.getClusterId()).isEqualTo("voucher-a"));
        SearchRequest all = collapsed.toBuilder().setIncludeDuplicates(true).build();
        assertThat(retrieval.search(all).await().atMost(WAIT).getPassagesList())
                .extracting(Passage::getDocId).contains("voucher-a", "voucher-b");
    }

    @Test
    void theIndexSizeIsExportedForTheDashboards() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(openSearchUrl + "/hkgai-news/_refresh"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(indexStats.refresh()).isTrue();
        assertThat(indexStats.documents()).isGreaterThanOrEqualTo(6); // the corpus above, its replayed chunk counted once
        assertThat(indexStats.storeBytes()).isGreaterThan(1000);
        String scrape = http.send(java.net.http.HttpRequest.newBuilder(metrics.toURI()).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape).containsPattern("hkgai_retrieval_index_documents\\{index=\"hkgai-news-v2\"[^}]*} [1-9]")
                .containsPattern("hkgai_retrieval_index_store_bytes\\{index=\"hkgai-news-v2\"[^}]*} [1-9]");
    }

    @Test
    void theIndexComesFromAVersionedTemplateBehindTheAliasWithAnHnswVectorField() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String template = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(openSearchUrl + "/_index_template/hkgai-news")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(template).contains("\"hkgai-news-v*\"").contains("\"version\":2");
        String mapping = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(openSearchUrl + "/hkgai-news/_mapping")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(mapping).contains("hkgai-news-v2").contains("\"knn_vector\"").contains("\"engine\":\"lucene\"")
                .contains("\"excludes\":[\"embedding\"]");
    }

    @Test
    void aDocumentReingestedWithFewerChunksLosesItsOldChunks() throws Exception {
        String text = "康文署宣布維多利亞公園中秋綵燈會延長開放，市民可於晚上十一時前入場欣賞大型花燈。";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                Chunk c = chunk("lantern", "中秋綵燈會延長開放", text + "（第" + i + "部分）", "zh-Hant", "LCSD", NOW.minusSeconds(600))
                        .toBuilder().setChunkId("lantern#" + i).setChunkIndex(i).setChunkCount(3).build();
                producer.send(new ProducerRecord<>(Topics.NEWS_CHUNKS, c.getDocId(), c.toByteArray())).get();
            }
            SearchRequest all = SearchRequest.newBuilder().setQuery("中秋綵燈會 維多利亞公園").setK(10).addSources("LCSD")
                    .setIncludeDuplicates(true).setMode(SearchMode.SEARCH_MODE_LEXICAL).build();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(retrieval.search(all).await().atMost(WAIT).getPassagesList()).hasSize(3));
            Chunk shorter = chunk("lantern", "中秋綵燈會延長開放", text, "zh-Hant", "LCSD", NOW.minusSeconds(600));
            producer.send(new ProducerRecord<>(Topics.NEWS_CHUNKS, shorter.getDocId(), shorter.toByteArray())).get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(retrieval.search(all).await().atMost(WAIT).getPassagesList())
                            .extracting(Passage::getChunkId).containsExactly("lantern#0"));
        }
    }

    @Test
    void rejectsADateRangeThatEndsBeforeItStarts() {
        SearchRequest bad = SearchRequest.newBuilder().setQuery("天文台")
                .setPublishedAfter(Timestamp.newBuilder().setSeconds(NOW.getEpochSecond()))
                .setPublishedBefore(Timestamp.newBuilder().setSeconds(NOW.getEpochSecond() - 86400)).build();
        assertThatThrownBy(() -> retrieval.search(bad).await().atMost(WAIT)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void rejectsAnEmptyQueryAndAnOutOfRangeK() {
        assertThatThrownBy(() -> search(" ", 5)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> search("天文台", 500)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getDescription()).contains("k must be between"));
    }

    private List<Passage> search(String q, int k) {
        return retrieval.search(SearchRequest.newBuilder().setQuery(q).setK(k).build()).await().atMost(WAIT).getPassagesList();
    }

    private static Chunk chunk(String docId, String title, String text, String lang, String source, Instant published) {
        return Chunk.newBuilder().setDocId(docId).setChunkId(docId + "#0").setChunkIndex(0).setChunkCount(1)
                .setTitle(title).setText(text).setLanguage(lang).setSource(source).setUrl("https://example.hk/" + docId)
                .setPublishedAt(Timestamp.newBuilder().setSeconds(published.getEpochSecond()))
                .setIngestedAt(Timestamp.newBuilder().setSeconds(NOW.getEpochSecond()))
                .setContentHash("h-" + docId).build();
    }
}
