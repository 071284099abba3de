package hk.hkgai.inference.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.inference.backend.onnx.DecodeJob;
import hk.hkgai.inference.backend.onnx.DecodeLoop;
import hk.hkgai.inference.backend.onnx.OnnxLmEngine;
import hk.hkgai.inference.backend.onnx.Sampler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./hk bench inference}: the serving engine itself (not a copy) on a model folder, side by side in one run:
 * decode with and without the KV cache, 8 requests batched vs one at a time, time to first token, and bge
 * embeddings single vs batched. A plain main (no Quarkus container) on the inference worker's class path.
 *
 * <p>Usage: {@code InferenceBench <model-dir> <out.json> [device]}. Env: HK_BENCH_NEW_TOKENS (256),
 * HK_BENCH_CONCURRENT (8), HK_BENCH_BATCH_TOKENS (64), HK_BENCH_NOCACHE_SAMPLES (16; 0 runs every step).
 */
public final class InferenceBench {
    private static final List<String> QUESTIONS = List.of(
            "今日天文台掛咗八號風球，啲巴士仲有冇得搭？",
            "香港特別行政區政府今日公布施政報告，重點是甚麼？",
            "香港特别行政区政府今日公布施政报告，重点是什么？",
            "What did the Hong Kong Observatory say about the typhoon signal No. 8 today?",
            "立法會選舉幾時投票？點樣登記做選民？",
            "基本法第二十三條立法的內容是甚麼？",
            "How do I apply for a Hong Kong identity card replacement?",
            "港铁今日有冇因为暴雨而暂停服务？");

    private InferenceBench() {
    }

    record Run(long[] tokens, long submitNanos, long firstNanos, long endNanos) {
        double seconds() {
            return (endNanos - submitNanos) / 1e9;
        }

        double ttftMs() {
            return (firstNanos - submitNanos) / 1e6;
        }

        double decodeTokensPerSecond() {
            return (tokens.length - 1) / ((endNanos - firstNanos) / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String device = args.length > 2 ? args[2] : "cpu";
        int newTokens = env("HK_BENCH_NEW_TOKENS", 256);
        int concurrent = env("HK_BENCH_CONCURRENT", 8);
        int batchTokens = env("HK_BENCH_BATCH_TOKENS", 64);
        int samples = env("HK_BENCH_NOCACHE_SAMPLES", 16);
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "hkgai-djl");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = json.createObjectNode();
        result.put("timestamp", Instant.now().toString());
        result.put("machine", machine());
        result.put("device", device);
        result.put("model_dir", modelDir.toString());

        long loadStart = System.nanoTime();
        try (OnnxLmEngine engine = OnnxLmEngine.open("bench", new OnnxLmEngine.Options(modelDir, Optional.empty(), device, 0,
                new DecodeLoop.Limits(concurrent, 64, 4096, 512), newTokens, cache), new SimpleMeterRegistry())) {
            var a = engine.folder().architecture();
            result.put("model", a.modelType() + " " + a.layers() + " layers, kv " + a.kvHeads() + "x" + a.headDim()
                    + ", vocab " + a.vocab() + " (random weights)");
            result.put("load_seconds", round((System.nanoTime() - loadStart) / 1e9));
            List<long[]> prompts = QUESTIONS.stream().map(q -> engine.encode(engine.prompt(List.of(
                    ChatMessage.newBuilder().setRole("user").setContent(q).build())))).toList();
            long[] prompt = prompts.get(0);
            result.put("prompt_tokens", prompt.length);
            run(engine, prompt, 8); // warm-up: allocations, thread pools

            // 1. KV cache vs full recomputation, at newTokens.
            Run cached = run(engine, prompt, newTokens);
            double cachedTps = newTokens / cached.seconds();
            double uncachedSeconds = uncached(engine, prompt, cached.tokens(), samples);
            double uncachedTps = newTokens / uncachedSeconds;
            ObjectNode kv = result.putObject("kv_cache");
            kv.put("new_tokens", newTokens);
            kv.put("with_cache_tokens_per_second", round(cachedTps));
            kv.put("with_cache_decode_tokens_per_second", round(cached.decodeTokensPerSecond()));
            kv.put("without_cache_tokens_per_second", round(uncachedTps));
            kv.put("without_cache_method", samples > 0 ? "timed " + samples + " of " + newTokens
                    + " full-recomputation steps spread over the lengths, integrated (a step's cost depends only on its length)"
                    : "every step timed");
            result.put("kv_cache_speedup", round(cachedTps / uncachedTps));
            result.put("ttft_ms_single", round(cached.ttftMs()));

            // 2. Concurrent requests: one batch vs one at a time.
            long seqStart = System.nanoTime();
            for (int i = 0; i < concurrent; i++) {
                run(engine, prompts.get(i % prompts.size()), batchTokens);
            }
            double sequentialSeconds = (System.nanoTime() - seqStart) / 1e9;
            long batchStart = System.nanoTime();
            List<CompletableFuture<Run>> futures = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                futures.add(submit(engine, prompts.get(i % prompts.size()), batchTokens));
            }
            List<Run> batched = new ArrayList<>();
            for (CompletableFuture<Run> f : futures) {
                batched.add(f.get(30, TimeUnit.MINUTES));
            }
            double batchedSeconds = (System.nanoTime() - batchStart) / 1e9;
            double total = (double) concurrent * batchTokens;
            ObjectNode b = result.putObject("batching");
            b.put("requests", concurrent);
            b.put("new_tokens_each", batchTokens);
            b.put("one_at_a_time_tokens_per_second", round(total / sequentialSeconds));
            b.put("batched_tokens_per_second", round(total / batchedSeconds));
            b.put("batched_ttft_ms_mean", round(batched.stream().mapToDouble(Run::ttftMs).average().orElse(0)));
            b.put("batched_ttft_ms_max", round(batched.stream().mapToDouble(Run::ttftMs).max().orElse(0)));
            result.put("batching_speedup", round((total / batchedSeconds) / (total / sequentialSeconds)));
        }

        // 3. Embeddings: one text per call vs batches of 32.
        try (BgeEmbedder embedder = BgeEmbedder.load(new BgeEmbedder.Options(Optional.empty(), Optional.empty(), cache, 512, 0, false))) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                texts.add(QUESTIONS.get(i % QUESTIONS.size()) + " (" + i + ")");
            }
            embedder.embed(texts.subList(0, 32));
            long s = System.nanoTime();
            for (String t : texts) {
                embedder.embed(List.of(t));
            }
            double single = texts.size() / ((System.nanoTime() - s) / 1e9);
            s = System.nanoTime();
            for (int i = 0; i < texts.size(); i += 32) {
                embedder.embed(texts.subList(i, Math.min(texts.size(), i + 32)));
            }
            double batchedRate = texts.size() / ((System.nanoTime() - s) / 1e9);
            ObjectNode e = result.putObject("embeddings");
            e.put("model", BgeEmbedder.MODEL_ID);
            e.put("single_per_second", round(single));
            e.put("batched_32_per_second", round(batchedRate));
            e.put("batching_speedup", round(batchedRate / single));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), result);
        System.out.println(json.writeValueAsString(result));
    }

    static Run run(OnnxLmEngine engine, long[] prompt, int newTokens) throws Exception {
        return submit(engine, prompt, newTokens).get(30, TimeUnit.MINUTES);
    }

    static CompletableFuture<Run> submit(OnnxLmEngine engine, long[] prompt, int newTokens) {
        CompletableFuture<Run> done = new CompletableFuture<>();
        long start = System.nanoTime();
        List<Long> tokens = new ArrayList<>();
        long[] first = {0};
        engine.submit(new DecodeJob(prompt, Sampler.Settings.greedy(), newTokens, new DecodeJob.Sink() {
            @Override
            public void text(String delta, int completionTokens) {
            }

            @Override
            public void token(long id) {
                if (tokens.isEmpty()) {
                    first[0] = System.nanoTime();
                }
                tokens.add(id);
            }

            @Override
            public void finish(FinishReason reason, int promptTokens, int completionTokens) {
                done.complete(new Run(tokens.stream().mapToLong(Long::longValue).toArray(), start, first[0], System.nanoTime()));
            }

            @Override
            public void fail(Throwable failure) {
                done.completeExceptionally(failure);
            }
        }).ignoringStopTokens());
        return done;
    }

    /** Seconds to produce the same tokens by full recomputation: every step, or a sample of steps integrated. */
    static double uncached(OnnxLmEngine engine, long[] prompt, long[] generated, int samples) {
        int n = generated.length;
        long[] all = new long[prompt.length + n];
        System.arraycopy(prompt, 0, all, 0, prompt.length);
        System.arraycopy(generated, 0, all, prompt.length, n);
        if (samples <= 0 || samples >= n) {
            double total = 0;
            for (int t = 0; t < n; t++) {
                total += engine.timeOneStepWithoutCache(java.util.Arrays.copyOf(all, prompt.length + t)) / 1e9;
            }
            return total;
        }
        // Step t runs prompt + t tokens; time `samples` evenly spaced steps and integrate piecewise-linearly.
        int[] at = new int[samples];
        double[] secs = new double[samples];
        for (int i = 0; i < samples; i++) {
            at[i] = (int) Math.round((double) i * (n - 1) / (samples - 1));
            secs[i] = engine.timeOneStepWithoutCache(java.util.Arrays.copyOf(all, prompt.length + at[i])) / 1e9;
        }
        double total = 0;
        for (int t = 0; t < n; t++) {
            int j = 0;
            while (j < samples - 2 && at[j + 1] < t) {
                j++;
            }
            double f = at[j + 1] == at[j] ? 0 : (double) (t - at[j]) / (at[j + 1] - at[j]);
            total += secs[j] + f * (secs[j + 1] - secs[j]);
        }
        return total;
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores " + cpu + ", "
                + Math.round(com.sun.management.OperatingSystemMXBean.class.cast(java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1e9 * 10) / 10.0 + " GB";
    }

    static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
