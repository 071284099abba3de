package hk.hkgai.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.InferenceServiceGrpc;
import hk.hkgai.contracts.inference.v1.ListModelsRequest;
import hk.hkgai.contracts.inference.v1.ModelInfo;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Generation from the committed tiny random-weight decoder through the real gRPC protocol: the ONNX backend
 * behind the same API as the extractive one. Random weights: the tests check the stream, not the words.
 */
@QuarkusTest
class OnnxGenerationGrpcTest {
    @GrpcClient("inference")
    InferenceServiceGrpc.InferenceServiceBlockingStub client;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    static GenerateRequest.Builder request(String question, SamplingParams.Builder params) {
        return GenerateRequest.newBuilder().setModel("tiny-qwen2")
                .addMessages(ChatMessage.newBuilder().setRole("system").setContent("你是香港特區的助手，用廣東話回答。"))
                .addMessages(ChatMessage.newBuilder().setRole("user").setContent(question))
                .setParams(params.setRepetitionPenalty(1));
    }

    static List<GenerateChunk> generate(InferenceServiceGrpc.InferenceServiceBlockingStub client, GenerateRequest r) {
        List<GenerateChunk> chunks = new ArrayList<>();
        client.generate(r).forEachRemaining(chunks::add);
        return chunks;
    }

    static String text(List<GenerateChunk> chunks) {
        return chunks.stream().map(GenerateChunk::getTextDelta).collect(Collectors.joining());
    }

    @Test
    void theOnnxModelIsListedBesideTheExtractiveOne() {
        assertThat(client.listModels(ListModelsRequest.getDefaultInstance()).getModelsList())
                .extracting(ModelInfo::getId, ModelInfo::getBackend)
                .contains(tuple("tiny-qwen2", "onnx"), tuple("hkgai-extractive-v1", "extractive"));
    }

    @Test
    void generateStreamsTokensAndCountsThemExactly() {
        List<GenerateChunk> chunks = generate(client, request("今日天文台掛咗幾號風球？", SamplingParams.newBuilder().setMaxTokens(24)).build());
        GenerateChunk last = chunks.get(chunks.size() - 1);
        assertThat(chunks.size()).isGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> assertThat(c.getModel()).isEqualTo("tiny-qwen2"));
        assertThat(last.getFinishReason()).isIn(FinishReason.FINISH_REASON_LENGTH, FinishReason.FINISH_REASON_STOP);
        if (last.getFinishReason() == FinishReason.FINISH_REASON_LENGTH) {
            assertThat(last.getUsage().getCompletionTokens()).isEqualTo(24); // real tokens, not an estimate
        }
        assertThat(last.getUsage().getPromptTokens()).isGreaterThan(20);
    }

    @Test
    void aStopStringCutsTheAnswerExactlyBeforeIt() {
        SamplingParams.Builder greedy = SamplingParams.newBuilder().setMaxTokens(40);
        String full = text(generate(client, request("What is the Basic Law?", greedy).build()));
        assertThat(full.length()).isGreaterThan(8);
        String stop = full.substring(full.length() / 2, full.length() / 2 + 3);
        List<GenerateChunk> chunks = generate(client, request("What is the Basic Law?", SamplingParams.newBuilder()
                .setMaxTokens(40).addStop(stop)).build());
        assertThat(text(chunks)).isEqualTo(full.substring(0, full.indexOf(stop)));
        assertThat(chunks.get(chunks.size() - 1).getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
    }

    @Test
    void decodingMetricsAreExported() throws Exception {
        generate(client, request("香港特别行政区政府今日公布了什么？", SamplingParams.newBuilder().setMaxTokens(8)).build());
        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape).contains("hkgai_inference_batch_size_count{backend=\"onnx\",model=\"tiny-qwen2\"}")
                .contains("hkgai_inference_queue_depth{backend=\"onnx\",model=\"tiny-qwen2\"}")
                .contains("hkgai_inference_decode_step_seconds_count{backend=\"onnx\"")
                .contains("hkgai_inference_generate_first_chunk_seconds_count{backend=\"onnx\",model=\"tiny-qwen2\"}");
    }
}
