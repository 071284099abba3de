package hk.hkgai.inference.backend.onnx;

import hk.hkgai.contracts.inference.v1.FinishReason;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One generation as the decode loop sees it: the prompt's token ids, how to sample, how long it may grow, and
 * where its output goes. {@link #cancel()} frees its batch slot at the next step.
 */
public final class DecodeJob {
    /** Receives a job's output on the decode thread; must not block. */
    public interface Sink {
        /** Text that ends on a character boundary, and the completion tokens so far. */
        void text(String delta, int completionTokens);

        /** The end: STOP (a stop token), LENGTH (max tokens or the context). Not called after cancel(). */
        void finish(FinishReason reason, int promptTokens, int completionTokens);

        void fail(Throwable failure);

        /** Every sampled token id, stop tokens included (tests and benchmarks compare tokens, not text). */
        default void token(long id) {
        }
    }

    private final long[] prompt;
    private final Sampler.Settings sampling;
    private final int maxNewTokens;
    private final Sink sink;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private boolean ignoreStopTokens;
    final long submittedNanos = System.nanoTime();

    public DecodeJob(long[] prompt, Sampler.Settings sampling, int maxNewTokens, Sink sink) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("empty prompt");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("max new tokens must be at least 1");
        }
        this.prompt = prompt;
        this.sampling = sampling;
        this.maxNewTokens = maxNewTokens;
        this.sink = sink;
    }

    public long[] prompt() {
        return prompt;
    }

    public Sampler.Settings sampling() {
        return sampling;
    }

    public int maxNewTokens() {
        return maxNewTokens;
    }

    public Sink sink() {
        return sink;
    }

    /**
     * Keep going past stop tokens until max new tokens (vLLM's ignore_eos): for benchmarks, where a random-weight
     * model would otherwise stop at an arbitrary length. Not reachable from the API.
     */
    public DecodeJob ignoringStopTokens() {
        ignoreStopTokens = true;
        return this;
    }

    public boolean ignoresStopTokens() {
        return ignoreStopTokens;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }
}
