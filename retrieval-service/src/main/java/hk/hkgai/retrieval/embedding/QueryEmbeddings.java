package hk.hkgai.retrieval.embedding;

import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.retrieval.config.RetrievalConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query vectors, with a small LRU cache: during a typhoon thousands of people ask the same few questions, and a
 * cached vector saves the ~3-6 ms forward pass. Empty when the model is not (yet) available: the caller then
 * searches lexically instead of failing.
 */
@ApplicationScoped
public class QueryEmbeddings {
    private final EmbeddingModel model;
    private final Map<String, float[]> cache;
    private final int capacity;
    private final Counter hits;
    private final Counter misses;

    public QueryEmbeddings(EmbeddingModel model, RetrievalConfig config, MeterRegistry registry) {
        this.model = model;
        this.capacity = config.retrieval().embedding().queryCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
        this.hits = registry.counter("hkgai_retrieval_query_embedding_cache_total", "result", "hit");
        this.misses = registry.counter("hkgai_retrieval_query_embedding_cache_total", "result", "miss");
    }

    public Optional<float[]> embed(String query) {
        Optional<BgeEmbedder> embedder = model.embedder();
        if (embedder.isEmpty()) {
            return Optional.empty();
        }
        if (capacity > 0) {
            synchronized (cache) {
                float[] cached = cache.get(query);
                if (cached != null) {
                    hits.increment();
                    return Optional.of(cached);
                }
            }
        }
        misses.increment();
        float[] vector;
        try {
            vector = model.embed(embedder.get(), List.of(query))[0];
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (capacity > 0) {
            synchronized (cache) {
                cache.put(query, vector);
            }
        }
        return Optional.of(vector);
    }
}
