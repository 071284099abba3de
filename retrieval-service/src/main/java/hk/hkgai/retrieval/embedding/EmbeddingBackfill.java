package hk.hkgai.retrieval.embedding;

import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.retrieval.config.RetrievalConfig;
import hk.hkgai.retrieval.service.ChunkDocument;
import hk.hkgai.retrieval.service.ChunkWriter;
import hk.hkgai.retrieval.service.IndexManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Chunks indexed while the embedding model was loading or failing carry {@code embedded: false}; this job finds
 * them and adds their vectors, so a slow model start costs hybrid recall for a while, never freshness.
 */
@ApplicationScoped
public class EmbeddingBackfill {
    private static final Logger LOG = Logger.getLogger(EmbeddingBackfill.class);
    private static final int PAGE = 64;
    private static final int MAX_PAGES_PER_RUN = 50;

    private final OpenSearchClient client;
    private final IndexManager index;
    private final ChunkWriter writer;
    private final EmbeddingModel model;
    private final RetrievalConfig.Embedding config;
    private final Counter filled;
    private ScheduledExecutorService scheduler;

    public EmbeddingBackfill(OpenSearchClient client, IndexManager index, ChunkWriter writer, EmbeddingModel model,
                             RetrievalConfig config, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.writer = writer;
        this.model = model;
        this.config = config.retrieval().embedding();
        this.filled = registry.counter("hkgai_retrieval_embeddings_backfilled_total");
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedding-backfill");
            t.setDaemon(true);
            return t;
        });
        long every = config.backfillInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One pass; returns how many chunks got a vector. */
    public int runOnce() {
        Optional<BgeEmbedder> embedder = model.embedder();
        if (embedder.isEmpty() || !index.ready()) {
            return 0;
        }
        int total = 0;
        try {
            for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
                List<ChunkDocument> docs = withoutVector();
                if (docs.isEmpty()) {
                    break;
                }
                float[][] vectors = model.embed(embedder.get(), docs.stream().map(ChunkDocument::embeddingInput).toList());
                List<ChunkDocument> updates = new ArrayList<>(docs.size());
                for (int i = 0; i < docs.size(); i++) {
                    updates.add(docs.get(i).withEmbedding(vectors[i]));
                }
                int n = writer.addEmbeddings(updates);
                total += n;
                filled.increment(n);
                client.indices().refresh(r -> r.index(index.indexName()));
                if (n < docs.size()) {
                    break; // conflicts or a failing cluster: try again on the next run
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("embedding backfill paused: %s", e.getMessage());
        }
        if (total > 0) {
            LOG.infof("backfilled vectors for %d chunks", total);
        }
        return total;
    }

    private List<ChunkDocument> withoutVector() throws IOException {
        SearchResponse<ChunkDocument> r = client.search(s -> s.index(index.indexName()).size(PAGE)
                .query(q -> q.term(t -> t.field("embedded").value(v -> v.booleanValue(false)))), ChunkDocument.class);
        return r.hits().hits().stream().map(Hit::source).toList();
    }
}
