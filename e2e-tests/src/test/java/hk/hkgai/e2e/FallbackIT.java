package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway degrades instead of failing when the model worker is down, and never answers unguarded. */
class FallbackIT {
    private static Mesh mesh;
    private static Api api;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
        api = new Api(mesh);
    }

    @Test
    void withTheWorkerDownTheAnswerIsTheGatewaysOwnExtractiveOneWithANotice() throws Exception {
        mesh.stopService("inference");
        try {
            Api.Reply whole = api.chat("天文台有冇掛八號風球？");
            assertThat(whole.status()).as(whole.body().toString()).isEqualTo(200);
            assertThat(whole.body().get("model").asText()).isEqualTo("hkgai-extractive-v1");
            String text = whole.body().at("/choices/0/message/content").asText();
            assertThat(text).startsWith("（生成模型暫時用唔到").contains("八號").contains("[1]");
            JsonNode citations = whole.body().at("/hkgai/citations");
            assertThat(citations.toString()).contains("demo-hko-signal8");

            // A named model (here the ONNX one, served by the same worker) falls back too, streamed.
            ObjectNode body = Api.JSON.createObjectNode().put("model", Mesh.ONNX_MODEL).put("stream", true);
            body.putArray("messages").addObject().put("role", "user").put("content", "Who can get a free flu vaccine this winter?");
            Api.Stream s = api.stream(body.toString());
            assertThat(s.status()).isEqualTo(200);
            assertThat(s.text()).startsWith("(The generative model is unavailable right now").contains("[1]");
            assertThat(s.data().get(s.data().size() - 1)).isEqualTo("[DONE]");

            // Embeddings have no fallback: a clear 503, never a stack trace.
            Api.Reply embed = api.post("/v1/embeddings", "{\"input\":\"颱風\"}");
            assertThat(embed.status()).isEqualTo(503);
            assertThat(embed.body().at("/error/code").asText()).isEqualTo("service_unavailable");
        } finally {
            mesh.restoreAll();
        }
        // Recovery: the gateway's channel reconnects with gRPC's backoff (about a second, growing while the worker was
        // down), so answers come from the worker again within seconds, both the default model and the ONNX one.
        long restored = System.nanoTime();
        ObjectNode onnx = Api.JSON.createObjectNode().put("model", Mesh.ONNX_MODEL).put("max_tokens", 4);
        onnx.putArray("messages").addObject().put("role", "user").put("content", "Hello");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.Reply back = api.chat("天文台有冇掛八號風球？");
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.body().at("/choices/0/message/content").asText()).startsWith("根據最新資料");
            assertThat(api.post("/v1/chat/completions", onnx.toString()).body().path("model").asText()).isEqualTo(Mesh.ONNX_MODEL);
        });
        System.out.printf("[e2e] answers from the worker again %.1f s after it was back up%n", (System.nanoTime() - restored) / 1e9);
    }
}
