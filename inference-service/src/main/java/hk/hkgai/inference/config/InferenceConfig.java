package hk.hkgai.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "hkgai.inference")
public interface InferenceConfig {
    /** The chat model used when a request names none. */
    @WithDefault("hkgai-extractive-v1")
    String defaultModel();

    Extractive extractive();

    Embedding embedding();

    Onnx onnx();

    Upstream upstream();

    interface Extractive {
        /** At most this many source sentences in one answer. */
        @WithDefault("4")
        int maxSentences();

        /** A sentence must cover at least this share (IDF-weighted) of the question's terms to be used. */
        @WithDefault("0.2")
        double minScore();

        /** Sentences scoring below this fraction of the best one are left out (keeps weak filler out). */
        @WithDefault("0.5")
        double relativeCutoff();

        /** Bonus for the top-ranked passage; passage r (0-based) gets rankBonus / (1 + r). */
        @WithDefault("0.15")
        double rankBonus();

        /** Two sentences whose character-bigram Jaccard similarity exceeds this are near-repeats. */
        @WithDefault("0.7")
        double duplicateJaccard();

        /**
         * Weight of the embedding cosine similarity in a sentence's score; 0 turns it off. It only re-ranks
         * sentences that already passed the lexical threshold, and is skipped while the embedding model is not
         * loaded, so generation never depends on the embedder.
         */
        @WithDefault("0")
        double embeddingWeight();

        /** The answer streams in deltas of at most this many characters (code points). */
        @WithDefault("24")
        int chunkChars();
    }

    interface Embedding {
        /** Off: Embed answers UNAVAILABLE, the model is not listed and readiness does not wait for it. */
        @WithDefault("true")
        boolean enabled();

        /** Load the model when the service starts (true) or on the first Embed call (false). */
        @WithDefault("true")
        boolean loadAtStartup();

        /** DJL's cache (extracted native libraries). Default: ${java.io.tmpdir}/hkgai-djl. */
        Optional<String> cacheDir();

        /** An .onnx file on disk to use instead of the one bundled in the classpath. */
        Optional<String> modelFile();

        /** A tokenizer.json on disk to use instead of the one bundled in the classpath. */
        Optional<String> tokenizerFile();

        /** Texts per forward pass. */
        @WithDefault("32")
        int maxBatch();

        /** Texts per request; more is INVALID_ARGUMENT. */
        @WithDefault("256")
        int maxTexts();

        /** Longer inputs are truncated to this many tokens (the model's limit is 512). */
        @WithDefault("512")
        int maxTokens();

        /** Forward passes that may run at once. */
        @WithDefault("1")
        int workers();

        /** ONNX Runtime intra-op threads per forward pass; 0: ONNX Runtime's default (one per core). */
        @WithDefault("0")
        int intraOpThreads();

        /**
         * Let ONNX Runtime's idle threads spin-wait for work. Off by default: this worker shares its cores with
         * the other services, and spinning threads burn CPU between requests for a sub-millisecond gain.
         */
        @WithDefault("false")
        boolean allowSpinning();
    }

    /** An ONNX causal LM (Optimum layout) served in-process. Off while no model folder is configured. */
    interface Onnx {
        /** A folder with model.onnx, tokenizer.json, tokenizer_config.json, config.json (generation_config.json). */
        Optional<String> modelDir();

        /** The model's id in ListModels and requests. */
        @WithDefault("hkgai-onnx")
        String modelId();

        /** cpu, cuda or cuda:N (CUDA needs the worker built with -Pcuda; see deploy/gpu/README.md). */
        @WithDefault("cpu")
        String device();

        /** ONNX Runtime intra-op threads; 0: one per core. */
        @WithDefault("0")
        int intraOpThreads();

        /** Sequences decoded together in one step (continuous batching). */
        @WithDefault("8")
        int maxBatch();

        /** Requests waiting for a batch row; beyond it a request is refused at once (RESOURCE_EXHAUSTED). */
        @WithDefault("32")
        int maxQueue();

        /** Prompt plus completion, in tokens. */
        @WithDefault("4096")
        int maxContext();

        /** Completion tokens when a request sets no max_tokens. */
        @WithDefault("512")
        int defaultMaxTokens();

        /**
         * Prompt tokens per prefill pass, summed over the rows that join together: bounds the logits' memory
         * (tokens x vocabulary x 4 bytes) and how long one prefill holds the running batch.
         */
        @WithDefault("256")
        int prefillTokens();

        /** A Jinja chat template to use instead of the folder's. */
        Optional<String> chatTemplateFile();
    }

    /** An OpenAI-compatible server (vLLM, SGLang, TGI, ...) serving the full-size model. Off without a URL. */
    interface Upstream {
        /** Base URL up to and including /v1, e.g. http://vllm:8000/v1. */
        Optional<String> baseUrl();

        /** Bearer token for the upstream, if it wants one (from a Secret, never logged). */
        Optional<String> apiKey();

        /**
         * Models served through it: our id -> the upstream's model name, e.g.
         * {@code hkgai.inference.upstream.models.hkgai-v1=deepseek-ai/DeepSeek-V3}. Required with a base URL.
         */
        java.util.Map<String, String> models();

        @WithDefault("PT2S")
        java.time.Duration connectTimeout();

        /** Until the first token arrives (queueing and prefill upstream). */
        @WithDefault("PT30S")
        java.time.Duration firstTokenTimeout();

        /** Between two streamed chunks. */
        @WithDefault("PT20S")
        java.time.Duration idleTimeout();

        /** Attempts after a failure that happened before the first token (connection refused, 5xx, 429). */
        @WithDefault("2")
        int retries();

        @WithDefault("PT0.2S")
        java.time.Duration retryBackoff();

        /** Consecutive failed requests that open the circuit. */
        @WithDefault("5")
        int circuitFailures();

        /** How long an open circuit refuses before one trial request. */
        @WithDefault("PT30S")
        java.time.Duration circuitOpenFor();
    }
}
