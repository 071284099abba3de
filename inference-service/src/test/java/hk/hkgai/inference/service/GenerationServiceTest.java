package hk.hkgai.inference.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.ContextPassage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import hk.hkgai.inference.NewsFixtures;
import hk.hkgai.inference.backend.extractive.ExtractiveBackend;
import hk.hkgai.text.extractive.ExtractiveComposer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generation pipeline around the real extractive backend (no Quarkus needed). */
class GenerationServiceTest {
    private static final String MODEL = ExtractiveBackend.MODEL_ID;
    private static final String QUESTION = "天文台幾點發出八號風球？八號信號會維持到幾時？";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GenerationService service = new GenerationService(
            List.of(new ExtractiveBackend(ExtractiveComposer.Settings.DEFAULTS, 8, Optional::empty)), MODEL, registry);

    @Test
    void streamsTheAnswerInSeveralChunksEndingWithFinishReasonAndUsage() {
        List<GenerateChunk> chunks = run(NewsFixtures.request(QUESTION, "yue").build());

        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(chunks).allSatisfy(c -> assertThat(c.getModel()).isEqualTo(MODEL));
        GenerateChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
        assertThat(last.getUsage().getPromptTokens()).isGreaterThan(10);
        String text = text(chunks);
        assertThat(text).startsWith("根據最新資料：").contains("[1]");
        assertThat(last.getUsage().getCompletionTokens()).isEqualTo(TokenEstimator.estimate(text));
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_UNSPECIFIED));
        assertThat(registry.counter("hkgai.inference.generate.requests", "model", MODEL, "finish_reason", "stop").count())
                .isEqualTo(1);
    }

    @Test
    void honoursMaxTokens() {
        String full = text(run(NewsFixtures.request(QUESTION, "yue").build()));
        GenerateRequest limited = NewsFixtures.request(QUESTION, "yue")
                .setParams(SamplingParams.newBuilder().setMaxTokens(12)).build();

        List<GenerateChunk> chunks = run(limited);

        GenerateChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_LENGTH);
        assertThat(last.getUsage().getCompletionTokens()).isEqualTo(12);
        assertThat(text(chunks)).isEqualTo(full.substring(0, 12)); // 12 Chinese characters and marks
    }

    @Test
    void honoursStopStrings() {
        GenerateRequest request = NewsFixtures.request(QUESTION, "yue")
                .setParams(SamplingParams.newBuilder().addStop("[1]").addStop("never appears")).build();

        List<GenerateChunk> chunks = run(request);

        assertThat(text(chunks)).isEqualTo("根據最新資料：天文台在上午9時40分發出八號東北烈風或暴風信號");
        assertThat(chunks.get(chunks.size() - 1).getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
    }

    @Test
    void detectsTheAnswerLanguageWhenNoneIsGiven() {
        assertThat(text(run(NewsFixtures.request("八号信号会维持到什么时候？", "").build()))).startsWith("根据最新资料：");
        assertThat(text(run(NewsFixtures.request("Is there any news about the Budget?", "").build())))
                .startsWith("According to the latest sources:");
    }

    @Test
    void cancellationStopsTheStream() {
        AssertSubscriber<GenerateChunk> subscriber = service.generate(NewsFixtures.request(QUESTION, "yue").build())
                .subscribe().withSubscriber(AssertSubscriber.create(1));
        subscriber.awaitItems(1, Duration.ofSeconds(5));

        subscriber.cancel();

        assertThat(subscriber.getItems()).hasSize(1);
        assertThat(registry.counter("hkgai.inference.generate.requests", "model", MODEL, "finish_reason", "cancelled").count())
                .isEqualTo(1);
    }

    @Test
    void rejectsUnknownModelsAndRequestsWithoutAUserTurn() {
        assertThatThrownBy(() -> service.generate(NewsFixtures.request(QUESTION, "yue").setModel("gpt-9").build()))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("gpt-9");
        GenerateRequest noUser = GenerateRequest.newBuilder()
                .addMessages(ChatMessage.newBuilder().setRole("system").setContent("You are helpful.")).build();
        assertThatThrownBy(() -> service.generate(noUser))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user turn");
        assertThatThrownBy(() -> service.generate(NewsFixtures.request(QUESTION, "fr").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fr'");
    }

    @Test
    void deltasNeverSplitASurrogatePair() {
        var backend = new ExtractiveBackend(ExtractiveComposer.Settings.DEFAULTS, 3, Optional::empty);
        // 𠝹 (U+20779): a Cantonese character outside the BMP.
        var passages = List.of(ContextPassage.newBuilder().setMarker(1)
                .setText("佢哋話𠝹𠝹𠝹𠝹𠝹聲響起嘅係颱風警報。").build());
        var request = GenerateRequest.newBuilder()
                .addMessages(ChatMessage.newBuilder().setRole("user").setContent("颱風警報係咪響起？"))
                .addAllContext(passages).setLanguage("yue").build();
        var svc = new GenerationService(List.of(backend), MODEL, registry);

        List<GenerateChunk> chunks = run(svc, request);

        assertThat(text(chunks)).contains("𠝹𠝹𠝹𠝹𠝹");
        assertThat(chunks).allSatisfy(c -> {
            String t = c.getTextDelta();
            if (!t.isEmpty()) {
                assertThat(Character.isLowSurrogate(t.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse();
            }
        });
    }

    private List<GenerateChunk> run(GenerateRequest request) {
        return run(service, request);
    }

    private static List<GenerateChunk> run(GenerationService svc, GenerateRequest request) {
        return svc.generate(request).collect().asList().await().atMost(Duration.ofSeconds(10));
    }

    private static String text(List<GenerateChunk> chunks) {
        return chunks.stream().map(GenerateChunk::getTextDelta).collect(Collectors.joining());
    }
}
