package hk.hkgai.inference.backend.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import hk.hkgai.inference.backend.Delta;
import hk.hkgai.inference.backend.GenerationRequest;
import hk.hkgai.inference.config.InferenceConfig;
import hk.hkgai.inference.service.ModelUnavailableException;
import hk.hkgai.text.Lang;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream backend against a local HTTP server that speaks the OpenAI streaming protocol the way vLLM does
 * (a role chunk, content chunks, a finish chunk, a usage chunk, [DONE]). vLLM itself cannot run on these
 * machines; the server below writes the same bytes, including a character split across TCP writes. A Quarkus
 * test because SmallRye Fault Tolerance's guards run in the application's container.
 */
@QuarkusTest
class OpenAiUpstreamBackendTest {
    static final ObjectMapper JSON = new ObjectMapper();

    Vertx vertx;
    HttpServer server;
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile Consumer<HttpServerRequest> behaviour;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            requests.incrementAndGet();
            bodies.add(parse(b));
            behaviour.accept(req);
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static JsonNode parse(Buffer b) {
        try {
            return JSON.readTree(b.getBytes());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    static String chunk(String content, String finish) {
        String delta = content == null ? "{}" : "{\"content\":" + quote(content) + "}";
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"deepseek-ai/DeepSeek-V3\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : quote(finish)) + "}]}\n\n";
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** vLLM's stream for "颱風今晚襲港。", the second character's bytes split across two writes. */
    void streamTyphoonAnswer(HttpServerRequest req) {
        var r = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        r.write("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        byte[] second = chunk("颱風", null).getBytes(StandardCharsets.UTF_8);
        int split = new String(second, StandardCharsets.UTF_8).indexOf('風');
        int cut = new String(second, StandardCharsets.UTF_8).substring(0, split).getBytes(StandardCharsets.UTF_8).length + 1;
        r.write(Buffer.buffer(java.util.Arrays.copyOfRange(second, 0, cut)));
        vertx.setTimer(30, t -> {
            r.write(Buffer.buffer(java.util.Arrays.copyOfRange(second, cut, second.length)));
            r.write(chunk("今晚襲港。", null));
            r.write(chunk(null, "stop"));
            r.write("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":6,\"total_tokens\":27}}\n\n");
            r.end("data: [DONE]\n\n");
        });
    }

    OpenAiUpstreamBackend backend(int retries, int circuitFailures, Duration firstToken) {
        InferenceConfig.Upstream c = new InferenceConfig.Upstream() {
            public Optional<String> baseUrl() { return Optional.of("http://127.0.0.1:" + server.actualPort() + "/v1"); }
            public Optional<String> apiKey() { return Optional.of("sk-upstream-secret"); }
            public Map<String, String> models() { return Map.of("hkgai-v1", "deepseek-ai/DeepSeek-V3"); }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Duration firstTokenTimeout() { return firstToken; }
            public Duration idleTimeout() { return Duration.ofSeconds(2); }
            public int retries() { return retries; }
            public Duration retryBackoff() { return Duration.ofMillis(20); }
            public int circuitFailures() { return circuitFailures; }
            public Duration circuitOpenFor() { return Duration.ofSeconds(30); }
        };
        return new OpenAiUpstreamBackend(c);
    }

    static GenerationRequest request() {
        SamplingParams p = SamplingParams.newBuilder().setTemperature(0.3f).setMaxTokens(64).addStop("###").setSeed(7).build();
        return new GenerationRequest("r1", "hkgai-v1", List.of(
                ChatMessage.newBuilder().setRole("system").setContent("你是香港的助手。").build(),
                ChatMessage.newBuilder().setRole("user").setContent("今晚會唔會打風？").build()), List.of(), p, Lang.YUE, "今晚會唔會打風？");
    }

    static AssertSubscriber<Delta> run(OpenAiUpstreamBackend b) {
        return b.generate(request()).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    @Test
    void streamsAnUpstreamAnswerWithTheModelMappedAndCharactersWhole() {
        behaviour = this::streamTyphoonAnswer;
        AssertSubscriber<Delta> s = run(backend(2, 5, Duration.ofSeconds(5)));
        s.awaitCompletion(Duration.ofSeconds(10));
        List<Delta> items = s.getItems();
        assertThat(items.stream().map(Delta::text).toList()).containsExactly("颱風", "今晚襲港。", "");
        Delta last = items.get(items.size() - 1);
        assertThat(last.finish()).isEqualTo(FinishReason.FINISH_REASON_STOP);
        assertThat(last.usage().getPromptTokens()).isEqualTo(21);
        assertThat(last.usage().getCompletionTokens()).isEqualTo(6);
        JsonNode body = bodies.get(0);
        assertThat(body.path("model").asText()).isEqualTo("deepseek-ai/DeepSeek-V3");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("###");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("今晚會唔會打風？");
    }

    @Test
    void failuresBeforeTheFirstTokenAreRetried() {
        AtomicInteger calls = new AtomicInteger();
        behaviour = req -> {
            if (calls.incrementAndGet() == 1) {
                req.response().setStatusCode(503).end("{\"error\":{\"message\":\"overloaded\"}}");
            } else {
                streamTyphoonAnswer(req);
            }
        };
        AssertSubscriber<Delta> s = run(backend(2, 5, Duration.ofSeconds(5)));
        s.awaitCompletion(Duration.ofSeconds(10));
        assertThat(requests.get()).isEqualTo(2);
        assertThat(s.getItems().stream().map(Delta::text).reduce("", String::concat)).isEqualTo("颱風今晚襲港。");
    }

    @Test
    void aStreamThatBreaksAfterTheFirstTokenIsNotRetried() {
        behaviour = req -> {
            var r = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            r.write(chunk("颱風", null));
            vertx.setTimer(50, t -> req.connection().close());
        };
        AssertSubscriber<Delta> s = run(backend(2, 5, Duration.ofSeconds(5)));
        s.awaitFailure(Duration.ofSeconds(10));
        assertThat(s.getItems()).extracting(Delta::text).containsExactly("颱風");
        assertThat(s.getFailure()).isInstanceOf(ModelUnavailableException.class).hasMessageContaining("after the first token");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void aRejectedRequestIsNotRetriedAndIsTheCallersError() {
        behaviour = req -> req.response().setStatusCode(400).end("{\"error\":{\"message\":\"max_tokens too large\"}}");
        AssertSubscriber<Delta> s = run(backend(2, 5, Duration.ofSeconds(5)));
        s.awaitFailure(Duration.ofSeconds(10));
        assertThat(s.getFailure()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_tokens too large");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndLaterRequestsFailFastWithoutCallingTheServer() {
        behaviour = req -> req.response().setStatusCode(500).end("boom");
        OpenAiUpstreamBackend b = backend(0, 3, Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            run(b).awaitFailure(Duration.ofSeconds(10));
        }
        assertThat(requests.get()).isEqualTo(3);
        AssertSubscriber<Delta> s = run(b);
        s.awaitFailure(Duration.ofSeconds(10));
        assertThat(s.getFailure()).isInstanceOf(ModelUnavailableException.class).hasMessageContaining("circuit is open");
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void anUpstreamThatNeverSendsATokenTimesOut() {
        behaviour = req -> req.response().setChunked(true).putHeader("Content-Type", "text/event-stream").write(": keep-alive\n\n");
        long start = System.nanoTime();
        AssertSubscriber<Delta> s = run(backend(0, 5, Duration.ofMillis(500)));
        s.awaitFailure(Duration.ofSeconds(10));
        assertThat(s.getFailure()).isInstanceOf(ModelUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theApiKeyIsSentAsABearerToken() {
        List<String> auth = new CopyOnWriteArrayList<>();
        behaviour = req -> {
            auth.add(req.getHeader("Authorization"));
            streamTyphoonAnswer(req);
        };
        run(backend(0, 5, Duration.ofSeconds(5))).awaitCompletion(Duration.ofSeconds(10));
        assertThat(auth).containsExactly("Bearer sk-upstream-secret");
    }
}
