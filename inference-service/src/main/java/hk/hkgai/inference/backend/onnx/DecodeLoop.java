package hk.hkgai.inference.backend.onnx;

import hk.hkgai.contracts.inference.v1.FinishReason;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Continuous batching on one thread: every step runs all active sequences through the model together, one new
 * token each. Waiting jobs join between steps (up to {@code maxBatch} rows): their prompts are prefilled as a
 * left-padded batch, in chunks that bound the logits' memory, and their cache rows merged into the running
 * batch. A sequence that finishes or is cancelled leaves at the next step and frees its row. The queue in
 * front is bounded: a full queue refuses new jobs at once ({@link QueueFullException}) instead of piling up.
 */
public final class DecodeLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DecodeLoop.class);

    /** Static limits of the loop. */
    public record Limits(int maxBatch, int maxQueue, int maxContext, int prefillTokens) {
        public Limits {
            if (maxBatch < 1 || maxQueue < 1 || maxContext < 2 || prefillTokens < 1) {
                throw new IllegalArgumentException("max-batch, max-queue, prefill-tokens must be positive, max-context at least 2");
            }
        }
    }

    private final CausalLm lm;
    private final Limits limits;
    private final int vocab;
    private final Set<Long> stopTokens;
    private final long padToken;
    private final Function<long[], String> decode;
    private final BlockingQueue<DecodeJob> queue;
    private final Thread thread;
    private final AtomicInteger activeRows = new AtomicInteger();
    private final DistributionSummary batchSize;
    private final Timer stepTimer;
    private final Timer prefillTimer;
    private final DistributionSummary tokensPerSecond;
    private volatile boolean closed;

    private final List<Sequence> active = new ArrayList<>();
    private KvCache cache;

    public DecodeLoop(CausalLm lm, Limits limits, int vocab, Set<Long> stopTokens, Function<long[], String> decode,
                      MeterRegistry registry, String model) {
        this.lm = lm;
        this.limits = limits;
        this.vocab = vocab;
        this.stopTokens = Set.copyOf(stopTokens);
        this.padToken = stopTokens.iterator().next();
        this.decode = decode;
        this.queue = new ArrayBlockingQueue<>(limits.maxQueue());
        registry.gauge("hkgai.inference.queue.depth", List.of(io.micrometer.core.instrument.Tag.of("backend", "onnx"),
                io.micrometer.core.instrument.Tag.of("model", model)), queue, BlockingQueue::size);
        registry.gauge("hkgai.inference.active.sequences", List.of(io.micrometer.core.instrument.Tag.of("backend", "onnx"),
                io.micrometer.core.instrument.Tag.of("model", model)), activeRows, AtomicInteger::get);
        this.batchSize = DistributionSummary.builder("hkgai.inference.batch.size")
                .description("Sequences decoded together in one step").tag("backend", "onnx").tag("model", model)
                .register(registry);
        this.stepTimer = Timer.builder("hkgai.inference.decode.step").description("One decode step of the batch")
                .tag("backend", "onnx").tag("model", model).register(registry);
        this.prefillTimer = Timer.builder("hkgai.inference.prefill").description("Prefill of the prompts that joined together")
                .tag("backend", "onnx").tag("model", model).register(registry);
        this.tokensPerSecond = DistributionSummary.builder("hkgai.inference.decode.tokens.per.second")
                .description("Completion tokens per second of a finished sequence, from its first token")
                .tag("backend", "onnx").tag("model", model).register(registry);
        this.thread = new Thread(this::run, "onnx-decode-" + model);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a job; throws {@link QueueFullException} when the queue is full. */
    public void submit(DecodeJob job) {
        if (closed) {
            throw new IllegalStateException("the decode loop is closed");
        }
        if (job.prompt().length >= limits.maxContext()) {
            throw new IllegalArgumentException("the prompt has " + job.prompt().length + " tokens; this model's context is "
                    + limits.maxContext());
        }
        if (!queue.offer(job)) {
            throw new QueueFullException(limits.maxQueue());
        }
    }

    public int queued() {
        return queue.size();
    }

    public int activeRows() {
        return activeRows.get();
    }

    private void run() {
        while (!closed) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "decode step failed; failing %d active sequences", active.size());
                for (Sequence s : active) {
                    s.job.sink().fail(e);
                }
                active.clear();
                activeRows.set(0);
                closeCache();
            }
        }
        for (Sequence s : active) {
            s.job.sink().fail(new IllegalStateException("the model is shutting down"));
        }
        closeCache();
    }

    private void step() throws InterruptedException {
        List<DecodeJob> joining = new ArrayList<>();
        if (active.isEmpty()) {
            DecodeJob first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return;
            }
            joining.add(first);
        }
        queue.drainTo(joining, limits.maxBatch() - active.size() - joining.size());
        joining.removeIf(DecodeJob::cancelled);
        List<Sequence> joined = joining.isEmpty() ? List.of() : prefill(joining);
        regroup(joined);
        if (!active.isEmpty()) {
            decode();
        }
    }

    /** Prefills the joining prompts together (left-padded) and samples each one's first token. */
    private List<Sequence> prefill(List<DecodeJob> jobs) {
        long start = System.nanoTime();
        int n = jobs.size();
        int longest = jobs.stream().mapToInt(j -> j.prompt().length).max().orElseThrow();
        int chunk = Math.max(1, limits.prefillTokens() / n);
        KvCache c = KvCache.empty(lm.manager(), lm.architecture(), n);
        CausalLm.Step last = null;
        try {
            for (int from = 0; from < longest; from += chunk) {
                int to = Math.min(longest, from + chunk);
                int width = to - from;
                long[] ids = new long[n * width];
                long[] mask = new long[n * to];
                long[] pos = new long[n * width];
                for (int b = 0; b < n; b++) {
                    long[] p = jobs.get(b).prompt();
                    int pad = longest - p.length;
                    for (int j = 0; j < to; j++) {
                        mask[b * to + j] = j >= pad ? 1 : 0;
                    }
                    for (int j = from; j < to; j++) {
                        ids[b * width + j - from] = j >= pad ? p[j - pad] : padToken;
                        pos[b * width + j - from] = Math.max(0, j - pad);
                    }
                }
                CausalLm.Step s = lm.forward(ids, mask, pos, n, width, c, to == longest ? vocab : 0);
                c.close();
                c = s.cache();
                last = s;
            }
        } catch (RuntimeException e) {
            c.close();
            for (DecodeJob j : jobs) {
                j.sink().fail(e);
            }
            return List.of();
        }
        prefillTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        List<Sequence> seqs = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            Sequence s = new Sequence(jobs.get(b), c, b);
            seqs.add(s);
            s.accept(last.lastLogits()[b]);
        }
        return seqs;
    }

    /** Drops finished and cancelled rows, adds the joined ones, and rebuilds the cache when the rows changed. */
    private void regroup(List<Sequence> joined) {
        List<Sequence> keep = new ArrayList<>();
        for (Sequence s : active) {
            if (!s.done()) {
                keep.add(s);
            }
        }
        for (Sequence s : joined) {
            if (!s.done()) {
                keep.add(s);
            }
        }
        if (keep.equals(active) && joined.isEmpty()) {
            return;
        }
        KvCache rebuilt;
        if (keep.isEmpty()) {
            rebuilt = null;
        } else if (keep.equals(active)) {
            rebuilt = cache;
        } else if (active.isEmpty() && keep.equals(joined)) {
            rebuilt = joined.get(0).source; // the prefill's cache is the new batch as it is
        } else {
            rebuilt = KvCache.gather(lm.manager(), lm.architecture(),
                    keep.stream().map(s -> new KvCache.RowRef(s.source, s.row, s.realLength)).toList());
        }
        // Close what is no longer used: the old batch's cache and the prefill's, unless one became the batch.
        if (cache != null && cache != rebuilt) {
            cache.close();
        }
        if (!joined.isEmpty() && joined.get(0).source != rebuilt) {
            joined.get(0).source.close();
        }
        cache = rebuilt;
        for (int r = 0; r < keep.size(); r++) {
            keep.get(r).source = rebuilt;
            keep.get(r).row = r;
        }
        active.clear();
        active.addAll(keep);
        activeRows.set(active.size());
    }

    private void decode() {
        long start = System.nanoTime();
        int n = active.size();
        int length = cache.length();
        int total = length + 1;
        long[] ids = new long[n];
        long[] mask = new long[n * total];
        long[] pos = new long[n];
        for (int b = 0; b < n; b++) {
            Sequence s = active.get(b);
            ids[b] = s.lastToken;
            for (int j = total - s.realLength - 1; j < total; j++) {
                mask[b * total + j] = 1;
            }
            pos[b] = s.realLength;
        }
        CausalLm.Step step = lm.forward(ids, mask, pos, n, 1, cache, vocab);
        cache.close();
        cache = step.cache();
        batchSize.record(n);
        for (int b = 0; b < n; b++) {
            Sequence s = active.get(b);
            s.source = cache;
            s.realLength++;
            if (!s.done()) {
                s.accept(step.lastLogits()[b]);
            }
        }
        stepTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private void closeCache() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DecodeJob j;
        while ((j = queue.poll()) != null) {
            j.sink().fail(new IllegalStateException("the model is shutting down"));
        }
    }

    /** A job in the batch: its sampler, detokenizer, and where its cache row is. */
    private final class Sequence {
        final DecodeJob job;
        final Sampler sampler;
        final IncrementalDetokenizer detokenizer = new IncrementalDetokenizer(decode);
        KvCache source;
        int row;
        int realLength;
        long lastToken;
        int generated;
        boolean finished;
        long firstTokenNanos;

        Sequence(DecodeJob job, KvCache source, int row) {
            this.job = job;
            this.sampler = new Sampler(job.sampling(), vocab, job.prompt());
            this.source = source;
            this.row = row;
            this.realLength = job.prompt().length;
        }

        boolean done() {
            return finished || job.cancelled();
        }

        /** Samples the next token from this row's logits and passes on what it completes. */
        void accept(float[] logits) {
            int token = sampler.next(logits);
            sampler.observe(token);
            lastToken = token;
            generated++;
            if (generated == 1) {
                firstTokenNanos = System.nanoTime();
            }
            job.sink().token(token);
            if (stopTokens.contains((long) token) && !job.ignoresStopTokens()) {
                end(FinishReason.FINISH_REASON_STOP);
                return;
            }
            String text = detokenizer.next(token);
            if (!text.isEmpty()) {
                job.sink().text(text, generated);
            }
            if (generated >= job.maxNewTokens() || realLength + 1 >= limits.maxContext()) {
                end(FinishReason.FINISH_REASON_LENGTH);
            }
        }

        private void end(FinishReason reason) {
            finished = true;
            String rest = detokenizer.flush();
            if (!rest.isEmpty()) {
                job.sink().text(rest, generated);
            }
            double seconds = (System.nanoTime() - firstTokenNanos) / 1e9;
            if (generated > 1 && seconds > 0) {
                tokensPerSecond.record((generated - 1) / seconds);
            }
            job.sink().finish(reason, job.prompt().length, generated);
        }
    }
}
