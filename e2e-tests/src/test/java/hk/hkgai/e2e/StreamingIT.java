package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streaming answers (server-sent events) through the gateway, from the extractive default and from a real ONNX
 * causal LM (the committed tiny random-weight decoder: the tests prove the streaming path, not the text).
 */
class StreamingIT {
    private static Mesh mesh;
    private static Api api;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
        api = new Api(mesh);
    }

    @Test
    void aStreamedAnswerIsTheSameAnswerInOpenAiChunksEndingWithDone() throws Exception {
        String question = "天文台有冇掛八號風球？";
        ObjectNode body = request("hkgai", question).put("stream", true);
        body.putObject("stream_options").put("include_usage", true);

        Api.Stream s = api.stream(body.toString());
        Api.Reply whole = api.post("/v1/chat/completions", request("hkgai", question).toString());

        assertThat(s.status()).isEqualTo(200);
        assertThat(s.contentType()).startsWith("text/event-stream");
        assertThat(s.data().get(s.data().size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = s.chunks();
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("object").asText()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(chunks.stream().map(c -> c.get("id").asText()).distinct()).hasSize(1);
        assertThat(s.text()).isEqualTo(whole.body().at("/choices/0/message/content").asText()).contains("八號").contains("[1]");

        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.at("/hkgai/language").asText()).isEqualTo("yue");
        assertThat(finish.at("/hkgai/citations")).isEqualTo(whole.body().at("/hkgai/citations"));
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(whole.body().at("/usage/total_tokens").asInt()).isPositive();
        assertThat(chunks.subList(0, chunks.size() - 2)).allSatisfy(c -> assertThat(c.at("/choices/0/finish_reason").isNull()).isTrue());
    }

    @Test
    void theOnnxModelStreamsAsItDecodesAndEqualsItsNonStreamedGreedyAnswer() throws Exception {
        // Enough tokens that the output guard, which releases a sentence (or 400 held characters) at a time, lets
        // text through more than once before the end.
        int maxTokens = 240;
        ObjectNode streamed = request(Mesh.ONNX_MODEL, "今日天氣點呀？").put("stream", true).put("max_tokens", maxTokens).put("temperature", 0);
        streamed.putObject("stream_options").put("include_usage", true);
        ObjectNode whole = request(Mesh.ONNX_MODEL, "今日天氣點呀？").put("max_tokens", maxTokens).put("temperature", 0);

        Api.Stream s = api.stream(streamed.toString());
        Api.Reply w = api.post("/v1/chat/completions", whole.toString());

        assertThat(s.status()).as(String.join("\n", s.data())).isEqualTo(200);
        List<JsonNode> chunks = s.chunks();
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("model").asText()).isEqualTo(Mesh.ONNX_MODEL));
        long contentChunks = chunks.stream().filter(c -> !c.at("/choices/0/delta/content").asText("").isEmpty()).count();
        assertThat(contentChunks).as("text arrives in several events").isGreaterThan(1);
        assertThat(w.status()).isEqualTo(200);
        assertThat(s.text()).isEqualTo(w.body().at("/choices/0/message/content").asText());
        JsonNode usage = chunks.get(chunks.size() - 1).get("usage");
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(w.body().at("/usage/completion_tokens").asInt()).isBetween(1, maxTokens);
        String finish = chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText();
        assertThat(finish).isIn("stop", "length");
        if (finish.equals("length")) {
            assertThat(usage.get("completion_tokens").asInt()).isEqualTo(maxTokens);
        }
    }

    @Test
    void aClientThatLeavesMidStreamFreesItsModelSlot() throws Exception {
        ObjectNode body = request(Mesh.ONNX_MODEL, "講個好長嘅故事俾我聽。").put("stream", true).put("max_tokens", 900)
                .put("temperature", 1.0).put("seed", 7);
        HttpResponse<InputStream> r = api.open(body.toString());
        assertThat(r.statusCode()).isEqualTo(200);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            int events = 0;
            for (String line = in.readLine(); line != null && events < 4; line = in.readLine()) {
                if (line.startsWith("data:")) {
                    events++;
                }
            }
            assertThat(activeOnnxSequences()).as("the generation is running").isEqualTo(1.0);
        }
        // Closing the connection cancels the gateway's subscription, its gRPC call, and the decode job.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(activeOnnxSequences()).isZero());
    }

    private static double activeOnnxSequences() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mesh.inferenceMetricsUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^hkgai_inference_active_sequences\\{[^}]*backend=\"onnx\"[^}]*} (\\S+)$").matcher(metrics);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        assertThat(values).as("the onnx active-sequences gauge").isNotEmpty();
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static ObjectNode request(String model, String question) {
        ObjectNode body = Api.JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", question);
        return body;
    }
}
