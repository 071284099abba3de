package hk.hkgai.inference.service;

import hk.hkgai.inference.backend.ModelCard;
import hk.hkgai.inference.config.InferenceConfig;
import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.text.extractive.ExtractiveComposer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * The embedding model: loaded once, in the background at startup (readiness reports it), run on a small
 * dedicated pool so CPU-heavy forward passes neither block the event loop nor oversubscribe the cores. A request's
 * texts are sorted by length and batched, so each forward pass pads as little as possible.
 */
@ApplicationScoped
public class EmbeddingService {
    private static final Logger LOG = Logger.getLogger(EmbeddingService.class);

    /** Where the model stands; read by the readiness check. */
    public enum State { DISABLED, NOT_LOADED, LOADING, READY, FAILED }

    private final InferenceConfig.Embedding config;
    private final ExecutorService pool;
    private final Timer batchLatency;
    private final DistributionSummary batchSize;
    private final Counter texts;
    private volatile CompletableFuture<BgeEmbedder> model;
    private volatile long loadMillis = -1;

    public EmbeddingService(InferenceConfig config, MeterRegistry registry) {
        this.config = config.embedding();
        if (this.config.maxBatch() < 1 || this.config.maxTexts() < 1 || this.config.workers() < 1) {
            throw new IllegalArgumentException("hkgai.inference.embedding: max-batch, max-texts and workers must be at least 1");
        }
        this.pool = Executors.newFixedThreadPool(this.config.workers(), threads("embedding"));
        this.batchLatency = Timer.builder("hkgai.inference.embed.batch.latency")
                .description("Time of one embedding forward pass").tag("model", BgeEmbedder.MODEL_ID)
                .publishPercentiles(0.5, 0.99).register(registry);
        this.batchSize = DistributionSummary.builder("hkgai.inference.embed.batch.size")
                .description("Texts per embedding forward pass").tag("model", BgeEmbedder.MODEL_ID).register(registry);
        this.texts = registry.counter("hkgai.inference.embed.texts", "model", BgeEmbedder.MODEL_ID);
        Gauge.builder("hkgai.inference.embed.model.load.seconds", this, s -> s.loadMillis < 0 ? Double.NaN : s.loadMillis / 1000.0)
                .description("How long the embedding model took to load (NaN until loaded)")
                .tag("model", BgeEmbedder.MODEL_ID).register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && config.loadAtStartup()) {
            model();
        }
    }

    public State state() {
        CompletableFuture<BgeEmbedder> m = model;
        if (!config.enabled()) {
            return State.DISABLED;
        }
        if (m == null) {
            return State.NOT_LOADED;
        }
        if (!m.isDone()) {
            return State.LOADING;
        }
        return m.isCompletedExceptionally() ? State.FAILED : State.READY;
    }

    /** Why loading failed, when it did. */
    public Optional<Throwable> failure() {
        CompletableFuture<BgeEmbedder> m = model;
        if (m == null || !m.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            m.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() != null ? e.getCause() : e);
        }
    }

    public long loadMillis() {
        return loadMillis;
    }

    public List<ModelCard> models() {
        return config.enabled() ? List.of(ModelCard.embedding(BgeEmbedder.MODEL_ID, "bge-onnx")) : List.of();
    }

    /** The pool embedding work runs on (callers use it to leave the event loop). */
    public Executor executor() {
        return pool;
    }

    /** The result of one Embed request. */
    public record Embeddings(List<float[]> vectors, int promptTokens) {
    }

    /**
     * Embeds texts, blocking until done (waits for the model if it is still loading). Throws
     * {@link ModelNotFoundException} for another model, {@link IllegalArgumentException} for a bad request and
     * {@link ModelUnavailableException} when the model is disabled or failed to load.
     */
    public Embeddings embed(String requestedModel, List<String> input) {
        if (!requestedModel.isBlank() && !requestedModel.equals(BgeEmbedder.MODEL_ID)) {
            throw new ModelNotFoundException(requestedModel, "embedding");
        }
        if (input.isEmpty()) {
            throw new IllegalArgumentException("texts must not be empty");
        }
        if (input.size() > config.maxTexts()) {
            throw new IllegalArgumentException("at most " + config.maxTexts() + " texts per request, got " + input.size());
        }
        BgeEmbedder embedder = awaitModel();
        // Sorting by length keeps similar lengths in a batch, so little of each forward pass is padding.
        List<Integer> order = IntStream.range(0, input.size()).boxed()
                .sorted(Comparator.comparingInt(i -> input.get(i).length())).toList();
        float[][] vectors = new float[input.size()][];
        int tokens = 0;
        for (int from = 0; from < order.size(); from += config.maxBatch()) {
            List<Integer> slice = order.subList(from, Math.min(order.size(), from + config.maxBatch()));
            List<String> batch = new ArrayList<>(slice.size());
            slice.forEach(i -> batch.add(input.get(i)));
            long start = System.nanoTime();
            BgeEmbedder.Result result = embedder.embed(batch);
            batchLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            batchSize.record(batch.size());
            for (int k = 0; k < slice.size(); k++) {
                vectors[slice.get(k)] = result.vectors()[k];
                tokens += result.tokens()[k];
            }
        }
        texts.increment(input.size());
        return new Embeddings(List.of(vectors), tokens);
    }

    /**
     * Cosine similarity of a question to sentences, for the extractive backend; empty while the model is not
     * ready, so generation never waits for (or fails with) the embedder.
     */
    public Optional<ExtractiveComposer.SemanticScorer> semanticScorer() {
        if (state() != State.READY) {
            return Optional.empty();
        }
        return Optional.of((question, sentences) -> {
            List<String> all = new ArrayList<>(sentences.size() + 1);
            all.add(question);
            all.addAll(sentences);
            List<float[]> v;
            try {
                v = CompletableFuture.supplyAsync(() -> embed("", all).vectors(), pool).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | RuntimeException e) {
                LOG.warnf("embedding similarity unavailable, lexical ranking only: %s", e.getMessage());
                return null;
            }
            double[] sims = new double[sentences.size()];
            for (int i = 0; i < sims.length; i++) {
                sims[i] = BgeEmbedder.cosine(v.get(0), v.get(i + 1));
            }
            return sims;
        });
    }

    private BgeEmbedder awaitModel() {
        if (!config.enabled()) {
            throw new ModelUnavailableException("the embedding model is disabled (hkgai.inference.embedding.enabled=false)", null);
        }
        try {
            return model().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting for the embedding model", e);
        } catch (ExecutionException e) {
            throw new ModelUnavailableException("the embedding model failed to load: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private synchronized CompletableFuture<BgeEmbedder> model() {
        if (model == null) {
            // Its own thread, not the pool: a request waiting in the pool for the model must not block its loading.
            model = CompletableFuture.supplyAsync(this::load, r -> threads("embedding-load").newThread(r).start());
        }
        return model;
    }

    private BgeEmbedder load() {
        long start = System.nanoTime();
        BgeEmbedder.Options options = new BgeEmbedder.Options(
                config.modelFile().filter(f -> !f.isBlank()).map(Path::of),
                config.tokenizerFile().filter(f -> !f.isBlank()).map(Path::of),
                Path.of(config.cacheDir().filter(d -> !d.isBlank())
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "hkgai-djl").toString())),
                config.maxTokens(), config.intraOpThreads(), config.allowSpinning());
        try {
            BgeEmbedder embedder = BgeEmbedder.load(options);
            // One tiny pass, so the first request does not pay for ONNX Runtime's lazy initialisation.
            embedder.embed(List.of("暖機 warm-up"));
            loadMillis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("embedding model %s loaded in %d ms", BgeEmbedder.MODEL_ID, loadMillis);
            return embedder;
        } catch (Exception | LinkageError e) {
            LOG.errorf(e, "embedding model %s failed to load", BgeEmbedder.MODEL_ID);
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
        CompletableFuture<BgeEmbedder> m = model;
        if (m != null && m.isDone() && !m.isCompletedExceptionally()) {
            m.join().close();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        ClassLoader loader = EmbeddingService.class.getClassLoader();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            // DJL finds its engines with the context class loader; pool threads must see the application's.
            t.setContextClassLoader(loader);
            return t;
        };
    }
}
