package hk.hkgai.retrieval.embedding;

import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.retrieval.config.RetrievalConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * bge-small-zh-v1.5 in this process, for documents at index time and for queries. Why not call inference-service:
 * documents and queries must be embedded by the same model version (one Maven artifact, see the embeddings
 * module), the query path saves a network hop, and search stays hybrid while the generation worker is busy or
 * down. Loads in the background at start; until then {@link #embedder()} is empty and callers degrade.
 */
@Singleton
public class EmbeddingModel {
    private static final Logger LOG = Logger.getLogger(EmbeddingModel.class);

    private final RetrievalConfig.Embedding config;
    private final Timer timer;
    private volatile BgeEmbedder embedder;
    private volatile String failure;

    public EmbeddingModel(RetrievalConfig config, MeterRegistry registry) {
        this.config = config.retrieval().embedding();
        this.timer = registry.timer("hkgai_retrieval_embedding_seconds");
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("embeddings disabled: lexical search only");
            return;
        }
        Thread loader = new Thread(this::load, "embedding-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        BgeEmbedder e = embedder;
        embedder = null;
        if (e != null) {
            e.close();
        }
    }

    private void load() {
        long start = System.nanoTime();
        try {
            Path cache = Path.of(config.cacheDir().filter(s -> !s.isBlank())
                    .orElse(System.getProperty("java.io.tmpdir") + "/hkgai-djl"));
            embedder = BgeEmbedder.load(new BgeEmbedder.Options(Optional.empty(), Optional.empty(), cache, 512,
                    config.intraOpThreads(), false));
            embedder.embed(List.of("warm up 預熱")); // the first run allocates ONNX Runtime's arenas
            LOG.infof("%s loaded in %d ms", BgeEmbedder.MODEL_ID, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            failure = e.getMessage();
            LOG.errorf("embedding model failed to load (%s): search stays lexical", e.getMessage());
        }
    }

    /** The loaded model, or empty while loading, when disabled or when loading failed. */
    public Optional<BgeEmbedder> embedder() {
        return Optional.ofNullable(embedder);
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Embeds in batches of at most max-batch texts, similar lengths together: a batch is padded to its longest
     * text, so mixing a 40-token chunk with a 300-token one would run the short one at 300.
     */
    public float[][] embed(BgeEmbedder model, List<String> texts) {
        long start = System.nanoTime();
        try {
            Integer[] order = new Integer[texts.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> texts.get(i).length()));
            float[][] out = new float[texts.size()][];
            for (int from = 0; from < order.length; from += config.maxBatch()) {
                int to = Math.min(order.length, from + config.maxBatch());
                List<String> batch = new ArrayList<>(to - from);
                for (int j = from; j < to; j++) {
                    batch.add(texts.get(order[j]));
                }
                float[][] vectors = model.embed(batch).vectors();
                for (int j = from; j < to; j++) {
                    out[order[j]] = vectors[j - from];
                }
            }
            return out;
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
