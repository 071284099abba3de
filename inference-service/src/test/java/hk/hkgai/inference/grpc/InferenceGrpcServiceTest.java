package hk.hkgai.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.EmbedRequest;
import hk.hkgai.contracts.inference.v1.EmbedResponse;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.InferenceServiceGrpc;
import hk.hkgai.contracts.inference.v1.ListModelsRequest;
import hk.hkgai.contracts.inference.v1.ModelInfo;
import hk.hkgai.inference.NewsFixtures;
import hk.hkgai.text.extractive.ExtractiveComposer;
import hk.hkgai.inference.service.EmbeddingService;
import hk.hkgai.text.Lang;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Through the real gRPC protocol on the test port, with the real bge model. */
@QuarkusTest
class InferenceGrpcServiceTest {
    @GrpcClient("inference")
    InferenceServiceGrpc.InferenceServiceBlockingStub client;

    @Inject
    EmbeddingService embeddings;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void generateStreamsAnAnswerWhoseLastChunkCarriesFinishReasonAndUsage() {
        GenerateRequest request = NewsFixtures.request("天文台幾點發出八號風球？", "yue").build();

        List<GenerateChunk> chunks = new ArrayList<>();
        client.generate(request).forEachRemaining(chunks::add);

        assertThat(chunks.size()).isGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> assertThat(c.getModel()).isEqualTo("hkgai-extractive-v1"));
        String answer = chunks.stream().map(GenerateChunk::getTextDelta).collect(Collectors.joining());
        assertThat(answer).isEqualTo("根據最新資料：天文台在上午9時40分發出八號東北烈風或暴風信號[1]。");
        GenerateChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
        assertThat(last.getUsage().getCompletionTokens()).isPositive();
        assertThat(last.getUsage().getPromptTokens()).isPositive();
    }

    @Test
    void generateRejectsUnknownModelsAndRequestsWithoutAUserTurn() {
        GenerateRequest unknown = NewsFixtures.request("天文台幾點發出八號風球？", "yue").setModel("deepseek-hk-99b").build();
        assertThatThrownBy(() -> client.generate(unknown).forEachRemaining(c -> { }))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("deepseek-hk-99b");
                });

        GenerateRequest noUser = GenerateRequest.newBuilder()
                .addMessages(ChatMessage.newBuilder().setRole("system").setContent("Answer briefly.")).build();
        assertThatThrownBy(() -> client.generate(noUser).forEachRemaining(c -> { }))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void embedReturnsUnitVectorsThatMatchTraditionalAndSimplifiedForms() {
        EmbedResponse response = client.embed(EmbedRequest.newBuilder()
                .addTexts("天文台發出八號烈風信號")
                .addTexts("天文台发出八号烈风信号")
                .addTexts("港鐵公布明年票價調整方案")
                .addTexts("The Hong Kong Observatory issued the No. 8 Gale or Storm Signal.")
                .build());

        assertThat(response.getModel()).isEqualTo("bge-small-zh-v1.5");
        assertThat(response.getEmbeddingsList()).hasSize(4).allSatisfy(e -> {
            assertThat(e.getValuesList()).hasSize(512);
            assertThat(norm(e.getValuesList())).isCloseTo(1.0, offset(1e-3));
        });
        double pair = cosine(response, 0, 1);
        double unrelated = cosine(response, 0, 2);
        assertThat(pair).isGreaterThan(0.85);
        assertThat(unrelated).isLessThan(pair - 0.2);
        assertThat(response.getPromptTokens()).isGreaterThan(20);
    }

    @Test
    void embedKeepsTheOrderOfABatchedRequest() {
        // 70 texts: three forward passes of at most 32, each sorted by length; results must come back in order.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            texts.add(i % 2 == 0 ? "天文台發出八號烈風信號".repeat(1 + i % 5) : "港鐵東鐵綫服務暫停，第" + i + "班列車延誤");
        }
        String odd = "立法會三讀通過《維護國家安全條例》";
        texts.set(41, odd);
        EmbedResponse all = client.embed(EmbedRequest.newBuilder().addAllTexts(texts).build());
        EmbedResponse one = client.embed(EmbedRequest.newBuilder().addTexts(odd).build());

        assertThat(all.getEmbeddingsCount()).isEqualTo(70);
        double[] sims = new double[70];
        for (int i = 0; i < 70; i++) {
            for (int k = 0; k < 512; k++) {
                sims[i] += all.getEmbeddings(i).getValues(k) * one.getEmbeddings(0).getValues(k);
            }
        }
        // Not exactly 1: the int8 model quantizes activations per batch, so batch-mates shift a vector slightly.
        assertThat(sims[41]).isGreaterThan(0.98);
        for (int i = 0; i < 70; i++) {
            if (i != 41) {
                assertThat(sims[i]).isLessThan(sims[41] - 0.1);
            }
        }
    }

    @Test
    void embedRejectsBadRequests() {
        assertStatus(() -> client.embed(EmbedRequest.newBuilder().addTexts("x").setModel("text-embedding-3-large").build()),
                Status.Code.NOT_FOUND);
        assertStatus(() -> client.embed(EmbedRequest.getDefaultInstance()), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> client.embed(EmbedRequest.newBuilder().addAllTexts(Collections.nCopies(257, "太多")).build()),
                Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void listModelsListsTheChatAndTheEmbeddingModel() {
        List<ModelInfo> models = client.listModels(ListModelsRequest.getDefaultInstance()).getModelsList();

        assertThat(models).extracting(ModelInfo::getId, ModelInfo::getKind, ModelInfo::getBackend)
                .contains(tuple("hkgai-extractive-v1", "chat", "extractive"),
                        tuple("bge-small-zh-v1.5", "embedding", "bge-onnx"));
    }

    @Test
    void readinessReportsTheLoadedModelAndMetricsAreExported() throws Exception {
        client.embed(EmbedRequest.newBuilder().addTexts("暖機").build()); // waits for the model if still loading
        client.generate(NewsFixtures.request("八号信号会维持到什么时候？", "zh-Hans").build()).forEachRemaining(c -> { });

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("embedding-model").contains("\"state\": \"ready\"");

        String scrape = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape).contains("hkgai_inference_generate_requests_total{finish_reason=\"stop\",model=\"hkgai-extractive-v1\"")
                .contains("hkgai_inference_generate_first_chunk_seconds_count")
                .contains("hkgai_inference_generate_completion_tokens_count")
                .contains("hkgai_inference_embed_batch_size_count")
                .contains("hkgai_inference_embed_batch_latency_seconds_count");
    }

    @Test
    void embeddingSimilarityCanRankSentencesForTheExtractiveComposer() {
        client.embed(EmbedRequest.newBuilder().addTexts("暖機").build());
        var scorer = embeddings.semanticScorer().orElseThrow();

        double[] sims = scorer.similarities("八號風球幾時除下？",
                List.of("八號信號會維持至少至下午4時。", "港鐵向受影響的乘客致歉。"));
        assertThat(sims[0]).isGreaterThan(sims[1]);

        var composer = new ExtractiveComposer(new ExtractiveComposer.Settings(4, 0.2, 0.5, 0.15, 0.7, 0.5));
        var answer = composer.compose("八號信號會維持到幾時？", NewsFixtures.passages(), Lang.ZH_HANT, scorer);
        assertThat(answer.text()).contains("八號信號會維持至少至下午4時[1]。");
    }

    private static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    private static double norm(List<Float> v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double cosine(EmbedResponse r, int a, int b) {
        List<Float> x = r.getEmbeddings(a).getValuesList();
        List<Float> y = r.getEmbeddings(b).getValuesList();
        double dot = 0;
        for (int i = 0; i < x.size(); i++) {
            dot += x.get(i) * y.get(i);
        }
        return dot;
    }
}
