package hk.hkgai.retrieval.service;

import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.retrieval.v1.SearchMode;
import hk.hkgai.retrieval.config.RetrievalConfig;
import hk.hkgai.retrieval.embedding.QueryEmbeddings;
import hk.hkgai.retrieval.query.QueryRewriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;

/**
 * Hybrid search: a BM25 leg over title and text (analyzed with Traditional->Simplified folding and CJK bigrams,
 * queried with Cantonese colloquial forms rewritten to written Chinese) and a k-NN leg over bge-small-zh vectors,
 * fused by the OpenSearch search pipeline (min-max normalization, weighted mean). Filters apply to both legs.
 * Candidates are then re-ordered by recency when asked and collapsed to one passage per near-duplicate cluster.
 */
@ApplicationScoped
public class NewsSearcher {
    private static final int SNIPPET_CHARS = 160;
    private static final int MIN_CANDIDATES = 20;

    private final OpenSearchClient client;
    private final IndexManager index;
    private final QueryRewriter rewriter;
    private final QueryEmbeddings embeddings;
    private final RetrievalConfig.Retrieval config;
    private final RecencyRanker recency;
    private final java.util.Map<SearchMode, Timer> timers = new java.util.EnumMap<>(SearchMode.class);

    public NewsSearcher(OpenSearchClient client, IndexManager index, QueryRewriter rewriter, QueryEmbeddings embeddings,
                        RetrievalConfig config, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.rewriter = rewriter;
        this.embeddings = embeddings;
        this.config = config.retrieval();
        this.recency = new RecencyRanker(this.config.recencyScale(), this.config.recencyWeight());
        for (SearchMode m : List.of(SearchMode.SEARCH_MODE_HYBRID, SearchMode.SEARCH_MODE_LEXICAL, SearchMode.SEARCH_MODE_VECTOR)) {
            timers.put(m, Timer.builder("hkgai_retrieval_search_seconds").tag("mode", modeName(m)).register(registry));
        }
    }

    public SearchResult search(SearchQuery q) throws IOException {
        long start = System.nanoTime();
        QueryRewriter.Rewritten rewritten = rewriter.understand(q.text());
        String lexicalText = rewritten.lexical();
        SearchMode mode = q.mode() == SearchMode.SEARCH_MODE_UNSPECIFIED || q.mode() == SearchMode.UNRECOGNIZED
                ? SearchMode.SEARCH_MODE_HYBRID : q.mode();
        Optional<float[]> vector = mode == SearchMode.SEARCH_MODE_LEXICAL ? Optional.empty() : embeddings.embed(rewritten.semantic());
        if (vector.isEmpty()) {
            mode = SearchMode.SEARCH_MODE_LEXICAL; // degrade, never fail, when the model is not available
        }
        int candidates = Math.max(MIN_CANDIDATES, q.k() * config.candidateFactor());
        try {
            SearchResponse<ChunkDocument> response = client.search(request(q, mode, lexicalText, vector, candidates), ChunkDocument.class);
            if (response.hits().hits().isEmpty() && mode == SearchMode.SEARCH_MODE_HYBRID) {
                // Seen once in tests, right after start-up while vectors were still being backfilled: the hybrid
                // query came back empty where BM25 alone had a match. Never answer "nothing" when a leg would not.
                mode = SearchMode.SEARCH_MODE_LEXICAL;
                response = client.search(request(q, mode, lexicalText, Optional.empty(), candidates), ChunkDocument.class);
            }
            List<Passage> passages = rank(q, response.hits().hits());
            return new SearchResult(passages, mode, lexicalText);
        } finally {
            timers.get(mode)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The OpenSearch request; public so the benchmark can send the very same query straight to OpenSearch. */
    public SearchRequest request(SearchQuery q, SearchMode mode, String lexicalText, Optional<float[]> vector, int size) {
        List<Query> filters = filters(q);
        Query lexical = Query.of(b -> b.bool(bool -> bool.must(matchText(lexicalText)).filter(filters)));
        SearchRequest.Builder s = new SearchRequest.Builder().index(index.alias()).size(size)
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .highlightQuery(matchText(lexicalText))
                        .fields("text", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(1).noMatchSize(SNIPPET_CHARS)));
        switch (mode) {
            case SEARCH_MODE_LEXICAL -> s.query(lexical);
            case SEARCH_MODE_VECTOR -> s.query(knn(vector.orElseThrow(), filters, size));
            default -> {
                Query knn = knn(vector.orElseThrow(), filters, size);
                s.query(Query.of(h -> h.hybrid(hy -> hy.queries(lexical, knn)))).pipeline(config.hybrid().pipeline());
            }
        }
        return s.build();
    }

    private Query knn(float[] vector, List<Query> filters, int size) {
        int k = Math.max(config.hybrid().knnCandidates(), size);
        return Query.of(b -> b.knn(kn -> {
            kn.field("embedding").vector(vector).k(k);
            if (!filters.isEmpty()) {
                kn.filter(Query.of(f -> f.bool(bool -> bool.filter(filters))));
            }
            return kn;
        }));
    }

    private static Query matchText(String text) {
        return Query.of(m -> m.multiMatch(mm -> mm.query(text).fields("title^2", "text").type(TextQueryType.MostFields)));
    }

    private static List<Query> filters(SearchQuery q) {
        List<Query> filters = new ArrayList<>();
        if (!q.sources().isEmpty()) {
            filters.add(Query.of(f -> f.terms(t -> t.field("source").terms(v -> v.value(values(q.sources()))))));
        }
        if (!q.languages().isEmpty()) {
            filters.add(Query.of(f -> f.terms(t -> t.field("language").terms(v -> v.value(values(q.languages()))))));
        }
        if (q.publishedAfter() != null || q.publishedBefore() != null) {
            filters.add(Query.of(f -> f.range(r -> {
                r.field("published_at");
                if (q.publishedAfter() != null) {
                    r.gte(JsonData.of(q.publishedAfter().toString()));
                }
                if (q.publishedBefore() != null) {
                    r.lte(JsonData.of(q.publishedBefore().toString()));
                }
                return r;
            })));
        }
        return filters;
    }

    /** Recency re-ordering (when asked), one passage per near-duplicate cluster, the top k. */
    private List<Passage> rank(SearchQuery q, List<Hit<ChunkDocument>> hits) {
        Instant now = Instant.now();
        List<Scored> scored = new ArrayList<>(hits.size());
        for (Hit<ChunkDocument> hit : hits) {
            ChunkDocument d = hit.source();
            if (d == null) {
                continue;
            }
            double score = hit.score() == null ? 0 : hit.score();
            if (q.preferRecent()) {
                score = recency.boost(score, d.publishedAt() == null ? null : Instant.parse(d.publishedAt()), now);
            }
            scored.add(new Scored(hit, score));
        }
        if (q.preferRecent()) {
            scored.sort(Comparator.comparingDouble(Scored::score).reversed()); // stable: ties keep OpenSearch's order
        }
        Set<String> clusters = new HashSet<>();
        List<Passage> out = new ArrayList<>(q.k());
        for (Scored s : scored) {
            if (out.size() == q.k()) {
                break;
            }
            if (!q.includeDuplicates() && !clusters.add(s.hit().source().clusterOrDoc())) {
                continue;
            }
            out.add(toPassage(s.hit(), s.score()));
        }
        return out;
    }

    private record Scored(Hit<ChunkDocument> hit, double score) {
    }

    private static List<FieldValue> values(List<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }

    private static Passage toPassage(Hit<ChunkDocument> hit, double score) {
        ChunkDocument d = hit.source();
        List<String> fragments = hit.highlight().getOrDefault("text", List.of());
        Passage.Builder p = Passage.newBuilder()
                .setDocId(d.docId()).setChunkId(d.chunkId()).setChunkIndex(d.chunkIndex())
                .setTitle(nullToEmpty(d.title())).setText(nullToEmpty(d.text()))
                .setSnippet(fragments.isEmpty() ? "" : fragments.get(0))
                .setUrl(nullToEmpty(d.url())).setSource(nullToEmpty(d.source())).setLanguage(nullToEmpty(d.language()))
                .setClusterId(d.clusterOrDoc())
                .setScore((float) score);
        if (d.publishedAt() != null) {
            p.setPublishedAt(Timestamps.proto(d.publishedAt()));
        }
        return p.build();
    }

    static String modeName(SearchMode mode) {
        return switch (mode) {
            case SEARCH_MODE_LEXICAL -> "lexical";
            case SEARCH_MODE_VECTOR -> "vector";
            default -> "hybrid";
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
