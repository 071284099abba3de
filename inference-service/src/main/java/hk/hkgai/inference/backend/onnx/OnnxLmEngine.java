package hk.hkgai.inference.backend.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An ONNX causal LM ready to serve: its folder checked, its tokenizer and chat template loaded, the model in
 * ONNX Runtime and a {@link DecodeLoop} batching the requests. Opening fails with the folder's problem named.
 */
public final class OnnxLmEngine implements AutoCloseable {
    public record Options(Path folder, Optional<Path> chatTemplateFile, String device, int intraOpThreads,
                          DecodeLoop.Limits limits, int defaultMaxTokens, Path cacheDir) {
    }

    private final String modelId;
    private final ModelFolder folder;
    private final HuggingFaceTokenizer tokenizer;
    private final ChatTemplate template;
    private final CausalLm lm;
    private final DecodeLoop loop;
    private final Options options;
    private final int vocab;

    private OnnxLmEngine(String modelId, ModelFolder folder, HuggingFaceTokenizer tokenizer, CausalLm lm,
                         Options options, MeterRegistry registry) {
        this.modelId = modelId;
        this.folder = folder;
        this.tokenizer = tokenizer;
        this.template = new ChatTemplate(folder.chatTemplate(), folder.bosToken(), folder.eosToken());
        this.lm = lm;
        this.options = options;
        int modelVocab = folder.architecture().vocab();
        this.vocab = modelVocab > 0 ? Math.min(modelVocab, folder.tokenizerVocab()) : folder.tokenizerVocab();
        this.loop = new DecodeLoop(lm, options.limits(), vocab, folder.stopTokenIds(), ids -> decode(ids), registry, modelId);
    }

    public static OnnxLmEngine open(String modelId, Options options, MeterRegistry registry) {
        ModelFolder folder = ModelFolder.open(options.folder(), options.chatTemplateFile());
        HuggingFaceTokenizer tokenizer;
        try {
            hk.hkgai.embeddings.DjlEnvironment.prepare(options.cacheDir());
            // The chat template writes the special tokens itself; the tokenizer must not add more or truncate.
            tokenizer = HuggingFaceTokenizer.newInstance(folder.tokenizer(), Map.of(
                    "addSpecialTokens", "false", "truncation", "false", "padding", "false",
                    "modelMaxLength", Integer.toString(Integer.MAX_VALUE)));
        } catch (IOException | RuntimeException e) {
            throw new ModelFolder.InvalidModelFolderException(folder.dir(), "tokenizer.json could not be loaded: " + e.getMessage());
        }
        CausalLm lm;
        try {
            lm = CausalLm.load(folder, options.device(), options.intraOpThreads());
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        return new OnnxLmEngine(modelId, folder, tokenizer, lm, options, registry);
    }

    public String modelId() {
        return modelId;
    }

    public ModelFolder folder() {
        return folder;
    }

    public Options options() {
        return options;
    }

    /** Token ids the sampler may choose from (the tokenizer's, where the logits are wider). */
    public int vocab() {
        return vocab;
    }

    public String prompt(List<ChatMessage> messages) {
        return template.render(messages);
    }

    public long[] encode(String text) {
        return tokenizer.encode(text).getIds();
    }

    public String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    /** The request's sampling, with the model's generation_config.json filling what the request leaves at 0. */
    public Sampler.Settings sampling(SamplingParams p) {
        ModelFolder.GenerationDefaults d = folder.defaults();
        int topK = p.getTopK() > 0 ? p.getTopK() : d.topK();
        double topP = p.getTopP() > 0 ? p.getTopP() : d.topP() > 0 ? d.topP() : 1;
        double penalty = p.getRepetitionPenalty() > 0 ? p.getRepetitionPenalty()
                : d.repetitionPenalty() > 0 ? d.repetitionPenalty() : 1;
        long seed = p.hasSeed() ? p.getSeed() : ThreadLocalRandom.current().nextLong();
        return new Sampler.Settings(p.getTemperature(), topK, topP, penalty, seed);
    }

    /** How many new tokens a request may have: its max_tokens (or the default) within the context left. */
    public int maxNewTokens(int requested, int promptTokens) {
        int want = requested > 0 ? requested : options.defaultMaxTokens();
        int room = options.limits().maxContext() - promptTokens;
        if (room < 1) {
            throw new IllegalArgumentException("the prompt has " + promptTokens + " tokens; this model's context is "
                    + options.limits().maxContext());
        }
        return Math.min(want, room);
    }

    public void submit(DecodeJob job) {
        loop.submit(job);
    }

    /** Time of one full-recomputation step over {@code length} tokens (the benchmark samples these). */
    public long timeOneStepWithoutCache(long[] tokens) {
        long start = System.nanoTime();
        Sampler.argmax(fullStep(tokens), vocab);
        return System.nanoTime() - start;
    }

    /** One pass over the whole sequence with an empty cache; the last position's logits. */
    private float[] fullStep(long[] tokens) {
        int length = tokens.length;
        long[] mask = new long[length];
        long[] pos = new long[length];
        for (int i = 0; i < length; i++) {
            mask[i] = 1;
            pos[i] = i;
        }
        try (KvCache empty = KvCache.empty(lm.manager(), lm.architecture(), 1)) {
            CausalLm.Step step = lm.forward(tokens, mask, pos, 1, length, empty, vocab);
            step.cache().close();
            return step.lastLogits()[0];
        }
    }

    public DecodeLoop loop() {
        return loop;
    }

    /**
     * Greedy decoding by full recomputation: every step runs the whole sequence again with an empty cache. The
     * reference the KV-cached loop must match token for token, and the "without cache" side of the benchmark.
     * Runs on the caller's thread, outside the loop: not for serving.
     */
    public long[] greedyWithoutCache(long[] prompt, int newTokens) {
        return greedyWithoutCache(prompt, newTokens, false);
    }

    /** As above; {@code ignoreStopTokens} runs all {@code newTokens} steps (benchmarks). */
    public long[] greedyWithoutCache(long[] prompt, int newTokens, boolean ignoreStopTokens) {
        long[] seq = Arrays.copyOf(prompt, prompt.length + newTokens);
        int length = prompt.length;
        for (int t = 0; t < newTokens; t++) {
            seq[length] = Sampler.argmax(fullStep(Arrays.copyOf(seq, length)), vocab);
            length++;
            if (!ignoreStopTokens && folder.stopTokenIds().contains(seq[length - 1])) {
                break;
            }
        }
        return Arrays.copyOfRange(seq, prompt.length, length);
    }

    @Override
    public void close() {
        loop.close();
        lm.close();
        tokenizer.close();
    }
}
