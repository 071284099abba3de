package hk.hkgai.retrieval.service;

import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.retrieval.config.RetrievalConfig;
import hk.hkgai.text.TextNormalizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.FunctionBoostMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;

/**
 * BM25 search over title and text (both analyzed with Traditional->Simplified folding and CJK bigrams,
 * so a query in either script finds text in the other), with filters and an optional recency boost.
 */
@ApplicationScoped
public class NewsSearcher {
    private static final int SNIPPET_CHARS = 160;

    private final OpenSearchClient client;
    private final IndexManager index;
    private final RetrievalConfig.Retrieval config;
    private final Timer searchTimer;

    public NewsSearcher(OpenSearchClient client, IndexManager index, RetrievalConfig config, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.config = config.retrieval();
        this.searchTimer = registry.timer("hkgai_retrieval_search_seconds");
    }

    public List<Passage> search(SearchQuery q) throws IOException {
        long start = System.nanoTime();
        try {
            SearchResponse<ChunkDocument> response = client.search(s -> s
                    .index(index.alias())
                    .size(q.k())
                    .query(query(q))
                    .highlight(h -> h
                            .encoder(HighlighterEncoder.Html)
                            .preTags("<em>").postTags("</em>")
                            .fields("text", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(1).noMatchSize(SNIPPET_CHARS))),
                    ChunkDocument.class);
            List<Passage> passages = new ArrayList<>();
            for (Hit<ChunkDocument> hit : response.hits().hits()) {
                passages.add(toPassage(hit));
            }
            return passages;
        } finally {
            searchTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Query query(SearchQuery q) {
        Query text = Query.of(m -> m.multiMatch(mm -> mm
                .query(TextNormalizer.normalize(q.text()))
                .fields("title^2", "text")
                .type(TextQueryType.MostFields)));
        BoolQuery.Builder bool = new BoolQuery.Builder().must(text);
        if (!q.sources().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("source").terms(v -> v.value(values(q.sources())))));
        }
        if (!q.languages().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("language").terms(v -> v.value(values(q.languages())))));
        }
        if (q.publishedAfter() != null || q.publishedBefore() != null) {
            bool.filter(f -> f.range(r -> {
                r.field("published_at");
                if (q.publishedAfter() != null) {
                    r.gte(JsonData.of(q.publishedAfter().toString()));
                }
                if (q.publishedBefore() != null) {
                    r.lte(JsonData.of(q.publishedBefore().toString()));
                }
                return r;
            }));
        }
        Query base = Query.of(b -> b.bool(bool.build()));
        if (!q.preferRecent()) {
            return base;
        }
        // Newer news first for time-sensitive questions: a gauss decay on published_at, multiplied in.
        return Query.of(fs -> fs.functionScore(f -> f
                .query(base)
                .functions(fn -> fn.gauss(g -> g.field("published_at")
                        .placement(p -> p.origin(JsonData.of("now")).scale(JsonData.of(config.recencyScale())).decay(0.5))))
                .boostMode(FunctionBoostMode.Multiply)));
    }

    private static List<FieldValue> values(List<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }

    private static Passage toPassage(Hit<ChunkDocument> hit) {
        ChunkDocument d = hit.source();
        List<String> fragments = hit.highlight().getOrDefault("text", List.of());
        Passage.Builder p = Passage.newBuilder()
                .setDocId(d.docId()).setChunkId(d.chunkId()).setChunkIndex(d.chunkIndex())
                .setTitle(nullToEmpty(d.title())).setText(nullToEmpty(d.text()))
                .setSnippet(fragments.isEmpty() ? "" : fragments.get(0))
                .setUrl(nullToEmpty(d.url())).setSource(nullToEmpty(d.source())).setLanguage(nullToEmpty(d.language()))
                .setScore(hit.score() == null ? 0f : hit.score().floatValue());
        if (d.publishedAt() != null) {
            p.setPublishedAt(Timestamps.proto(d.publishedAt()));
        }
        return p.build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
