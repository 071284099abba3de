package hk.hkgai.inference.backend.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX decoding engine on the committed tiny random-weight Qwen2-shaped fixture. Random weights make the text
 * gibberish, so these tests prove the engine (cache, batching, streaming, limits), not the language. A Quarkus
 * test only so that the tokenizer's native library loads in the same class loader as the other tests' (a JVM
 * loads a JNI library into one class loader only); the engines here are built by hand.
 */
@QuarkusTest
class OnnxLmEngineTest {
    static final Path FIXTURE = Path.of("src/test/resources/models/tiny-qwen2");
    static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "hkgai-djl");

    /** A Cantonese, a Traditional, a Simplified and an English question: different lengths, CJK bytes. */
    static final List<String> QUESTIONS = List.of(
            "今日天文台掛咗八號風球，啲巴士仲有冇得搭？",
            "香港特別行政區政府今日公布施政報告，重點是甚麼？",
            "香港特别行政区政府今日公布施政报告，重点是什么？",
            "What did the Hong Kong Observatory say about the typhoon signal No. 8 today?");

    static OnnxLmEngine engine;
    static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();

    @BeforeAll
    static void open() {
        engine = OnnxLmEngine.open("tiny", new OnnxLmEngine.Options(FIXTURE, Optional.empty(), "cpu", 1,
                new DecodeLoop.Limits(8, 16, 1024, 64), 64, CACHE), METRICS);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static OnnxLmEngine open(int maxBatch, int maxQueue, Path folder) {
        return OnnxLmEngine.open("tiny", new OnnxLmEngine.Options(folder, Optional.empty(), "cpu", 1,
                new DecodeLoop.Limits(maxBatch, maxQueue, 1024, 64), 64, CACHE), new SimpleMeterRegistry());
    }

    static long[] prompt(OnnxLmEngine e, String question) {
        return e.encode(e.prompt(List.of(ChatMessage.newBuilder().setRole("user").setContent(question).build())));
    }

    static CollectingSink submitGreedy(OnnxLmEngine e, long[] prompt, int maxNew) {
        CollectingSink sink = new CollectingSink();
        e.submit(new DecodeJob(prompt, Sampler.Settings.greedy(), maxNew, sink));
        return sink;
    }

    @Test
    void kvCachedGreedyDecodingYieldsTheTokensOfFullRecomputation() throws Exception {
        for (String q : QUESTIONS) {
            long[] p = prompt(engine, q);
            CollectingSink cached = submitGreedy(engine, p, 40);
            cached.await();
            assertThat(cached.tokenArray()).as(q).hasSizeGreaterThan(10).containsExactly(engine.greedyWithoutCache(p, 40));
        }
    }

    @Test
    void batchedResultsEqualSequentialOnes() throws Exception {
        List<long[]> prompts = QUESTIONS.stream().map(q -> prompt(engine, q)).toList();
        List<long[]> alone = new ArrayList<>();
        for (long[] p : prompts) {
            CollectingSink s = submitGreedy(engine, p, 30);
            s.await();
            alone.add(s.tokenArray());
        }
        // All four at once (one left-padded prefill, then one batch), and a fifth joining a running batch.
        List<CollectingSink> together = new ArrayList<>();
        for (long[] p : prompts) {
            together.add(submitGreedy(engine, p, 30));
        }
        together.get(0).firstText.await(30, TimeUnit.SECONDS);
        CollectingSink late = submitGreedy(engine, prompts.get(2), 30);
        for (int i = 0; i < prompts.size(); i++) {
            together.get(i).await();
            assertThat(together.get(i).tokenArray()).as(QUESTIONS.get(i)).containsExactly(alone.get(i));
        }
        late.await();
        assertThat(late.tokenArray()).containsExactly(alone.get(2));
        assertThat(METRICS.get("hkgai.inference.batch.size").summary().max()).as("rows in one step").isGreaterThanOrEqualTo(4);
    }

    @Test
    void streamedDeltasConcatenateToTheFullTextAndNeverSplitACharacter() throws Exception {
        int splitTokens = 0;
        for (String q : QUESTIONS) {
            CollectingSink s = submitGreedy(engine, prompt(engine, q), 60);
            s.await();
            String full = engine.decode(s.tokenArray());
            assertThat(s.text()).isEqualTo(full.replaceAll("\uFFFD+$", ""));
            for (String d : s.deltas) {
                assertThat(d).isNotEmpty().doesNotEndWith("\uFFFD");
                assertThat(Character.isHighSurrogate(d.charAt(d.length() - 1))).isFalse();
                assertThat(Character.isLowSurrogate(d.charAt(0))).isFalse();
            }
            for (long t : s.tokens) {
                if (engine.decode(new long[] {t}).contains("\uFFFD")) {
                    splitTokens++;
                }
            }
        }
        // The test means something only if some output tokens carried part of a character.
        assertThat(splitTokens).isPositive();
    }

    @Test
    void maxTokensEndsWithLength() throws Exception {
        CollectingSink s = submitGreedy(engine, prompt(engine, QUESTIONS.get(3)), 7);
        assertThat(s.await()).isIn(FinishReason.FINISH_REASON_LENGTH, FinishReason.FINISH_REASON_STOP);
        assertThat(s.tokens.size()).isLessThanOrEqualTo(7);
        if (s.await() == FinishReason.FINISH_REASON_LENGTH) {
            assertThat(s.tokens).hasSize(7);
            assertThat(s.completionTokens).isEqualTo(7);
        }
    }

    @Test
    void theSameSeedGivesTheSameSample() throws Exception {
        long[] p = prompt(engine, QUESTIONS.get(1));
        Sampler.Settings settings = new Sampler.Settings(1.0, 50, 0.95, 1.1, 42);
        List<long[]> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CollectingSink s = new CollectingSink();
            engine.submit(new DecodeJob(p, settings, 25, s));
            s.await();
            runs.add(s.tokenArray());
        }
        assertThat(runs.get(0)).containsExactly(runs.get(1));
        CollectingSink other = new CollectingSink();
        engine.submit(new DecodeJob(p, new Sampler.Settings(1.0, 50, 0.95, 1.1, 7), 25, other));
        other.await();
        assertThat(other.tokenArray()).isNotEqualTo(runs.get(0));
    }

    @Test
    void cancellationFreesTheSlotAndAFullQueueRefusesAtOnce() throws Exception {
        try (OnnxLmEngine single = open(1, 1, FIXTURE)) {
            long[] p = prompt(single, QUESTIONS.get(0));
            CollectingSink running = new CollectingSink();
            DecodeJob job = new DecodeJob(p, Sampler.Settings.greedy(), 900, running);
            single.submit(job);
            assertThat(running.firstText.await(30, TimeUnit.SECONDS)).isTrue();
            CollectingSink waiting = submitGreedy(single, p, 5); // fills the one-place queue
            assertThatThrownBy(() -> submitGreedy(single, p, 5)).isInstanceOf(QueueFullException.class);
            job.cancel();
            waiting.await(); // the cancelled job's row went to the waiting one
            assertThat(running.finished).isNotDone();
            long deadline = System.currentTimeMillis() + 10_000;
            while (single.loop().activeRows() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(single.loop().activeRows()).isZero();
            assertThat(running.tokens.size()).isLessThan(900);
        }
    }

    @Test
    void aMissingTokenizerFailsAtOpenNamingTheFile(@TempDir Path dir) throws IOException {
        copyFixture(dir);
        Files.delete(dir.resolve("tokenizer.json"));
        assertThatThrownBy(() -> open(1, 1, dir)).isInstanceOf(ModelFolder.InvalidModelFolderException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("has no tokenizer.json");
    }

    @Test
    void aMissingModelFailsAtOpenNamingTheFile(@TempDir Path dir) throws IOException {
        copyFixture(dir);
        Files.move(dir.resolve("model.onnx"), dir.resolve("decoder_model.onnx"));
        assertThatThrownBy(() -> open(1, 1, dir)).isInstanceOf(ModelFolder.InvalidModelFolderException.class)
                .hasMessageContaining("has no model.onnx").hasMessageContaining("decoder_model.onnx");
    }

    @Test
    void aCorruptModelFailsAtOpenWithOnnxRuntimesReason(@TempDir Path dir) throws IOException {
        copyFixture(dir);
        Files.writeString(dir.resolve("model.onnx"), "not a protobuf");
        assertThatThrownBy(() -> open(1, 1, dir)).isInstanceOf(ModelFolder.InvalidModelFolderException.class)
                .hasMessageContaining("could not be loaded by ONNX Runtime");
    }

    @Test
    void aConfigThatDisagreesWithTheGraphFailsAtOpen(@TempDir Path dir) throws IOException {
        copyFixture(dir);
        Path config = dir.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"num_hidden_layers\":\\s*\\d+", "\"num_hidden_layers\": 9"));
        assertThatThrownBy(() -> open(1, 1, dir)).isInstanceOf(ModelFolder.InvalidModelFolderException.class)
                .hasMessageContaining("past_key_values.");
    }

    @Test
    void aPromptLongerThanTheContextIsRefused() {
        long[] tooLong = new long[2000];
        assertThatThrownBy(() -> submitGreedy(engine, tooLong, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context");
    }

    static void copyFixture(Path dir) throws IOException {
        try (var files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
