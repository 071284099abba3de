package hk.hkgai.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.retrieval.v1.RetrievalServiceGrpc;
import hk.hkgai.contracts.retrieval.v1.SearchMode;
import hk.hkgai.contracts.retrieval.v1.SearchRequest;
import hk.hkgai.contracts.retrieval.v1.SearchResponse;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * {@code ./hk bench retrieval}: quality (recall@5, MRR) of BM25, vectors and hybrid on the project's evaluation set,
 * pushed through the real ingest path; then search latency with 100k chunks indexed, service (gRPC) and the same
 * OpenSearch query sent straight to OpenSearch, side by side in one run.
 */
@Singleton
public class RetrievalBench {
    private static final Logger LOG = Logger.getLogger(RetrievalBench.class);
    private static final int K = 5;
    private static final List<SearchMode> MODES = List.of(SearchMode.SEARCH_MODE_LEXICAL, SearchMode.SEARCH_MODE_VECTOR, SearchMode.SEARCH_MODE_HYBRID);

    @GrpcClient("retrieval")
    RetrievalServiceGrpc.RetrievalServiceBlockingStub retrieval;

    private final BenchConfig config;
    private final Http http;
    private final IngestApi ingest;
    private final OpenSearchApi openSearch;
    private final FillerChunks filler;
    private final Embedder embedder;

    public RetrievalBench(BenchConfig config, Http http, IngestApi ingest, OpenSearchApi openSearch, FillerChunks filler, Embedder embedder) {
        this.config = config;
        this.http = http;
        this.ingest = ingest;
        this.openSearch = openSearch;
        this.filler = filler;
        this.embedder = embedder;
    }

    public void run() throws Exception {
        Path repo = Path.of(config.repo()).toAbsolutePath();
        EvalSet set = EvalSet.load(repo.resolve("bench/retrieval"), http.json());
        LOG.infof("evaluation set: %d items, %d queries", set.corpus().size(), set.queries().size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("area", "retrieval");
        result.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.put("machine", Machine.describe());
        result.put("corpus_items", set.corpus().size());
        result.put("queries", set.queries().size());

        List<String> ids = set.corpus().stream().map(EvalSet.Item::id).toList();
        result.put("corpus_indexing", pushCorpus(set, ids));
        Map<String, String> clusters = openSearch.clusters(ids);

        Map<String, Object> quality = new LinkedHashMap<>();
        for (SearchMode mode : MODES) {
            quality.put(name(mode), evaluate(set, mode, clusters));
        }
        result.put("quality", quality);
        printQuality(quality);

        if (config.fillerChunks() > 0) {
            result.put("scale", filler.ensure(set, config.fillerChunks()));
        }
        double waited = openSearch.awaitMergesDone(600);
        LOG.infof("index settled (no merges running) after %.0f s", waited);
        result.put("latency", latency(set));
        Results.write(repo, "retrieval", result, http.json());
    }

    private Map<String, Object> pushCorpus(EvalSet set, List<String> ids) throws Exception {
        Instant now = Instant.now();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (EvalSet.Item i : set.corpus()) {
            docs.add(IngestApi.document(i.id(), i.title(), i.text(), i.url(), i.source(), i.lang(), now.minus(i.ageHours(), ChronoUnit.HOURS)));
        }
        long start = System.nanoTime();
        ingest.push(docs, 50);
        long deadline = System.currentTimeMillis() + 10 * 60_000L;
        while (true) {
            long docsIn = openSearch.countDocs(ids);
            long chunks = openSearch.countChunks(ids, false);
            long embedded = openSearch.countChunks(ids, true);
            if (docsIn == ids.size() && chunks > 0 && embedded == chunks) {
                double s = (System.nanoTime() - start) / 1e9;
                LOG.infof("corpus searchable with vectors: %d documents, %d chunks, %.1f s", docsIn, chunks, s);
                return Map.of("documents", docsIn, "chunks", chunks, "seconds", Stats.round(s));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("corpus not indexed after 10 min: " + docsIn + " of " + ids.size() + " documents, "
                        + embedded + " of " + chunks + " chunks with vectors");
            }
            Thread.sleep(500);
        }
    }

    private SearchResponse search(String query, SearchMode mode, boolean preferRecent) {
        return retrieval.withDeadlineAfter(30, TimeUnit.SECONDS).search(SearchRequest.newBuilder()
                .setQuery(query).setK(K).setMode(mode).setPreferRecent(preferRecent).build());
    }

    /** Recall@5 and MRR. A passage counts for every relevant item of its near-duplicate cluster (they are collapsed). */
    private Map<String, Object> evaluate(EvalSet set, SearchMode mode, Map<String, String> clusters) {
        Score all = new Score();
        Map<String, Score> byLang = new TreeMap<>();
        Map<String, Score> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (EvalSet.EvalQuery q : set.queries()) {
            List<Passage> top = search(q.query(), mode, q.preferRecent()).getPassagesList();
            Set<String> found = new HashSet<>();
            double rr = 0;
            for (int rank = 0; rank < top.size(); rank++) {
                Passage p = top.get(rank);
                String cluster = p.getClusterId().isEmpty() ? p.getDocId() : p.getClusterId();
                boolean relevant = false;
                for (String r : q.relevant()) {
                    if (r.equals(p.getDocId()) || cluster.equals(clusters.getOrDefault(r, r))) {
                        found.add(r);
                        relevant = true;
                    }
                }
                if (relevant && rr == 0) {
                    rr = 1.0 / (rank + 1);
                }
            }
            double recall = (double) found.size() / q.relevant().size();
            all.add(recall, rr);
            byLang.computeIfAbsent(q.lang(), k -> new Score()).add(recall, rr);
            byKind.computeIfAbsent(q.kind(), k -> new Score()).add(recall, rr);
            if (rr == 0) {
                misses.add(q.id());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(all.toMap());
        Map<String, Object> langs = new LinkedHashMap<>();
        byLang.forEach((k, v) -> langs.put(k, v.toMap()));
        Map<String, Object> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k, v.toMap()));
        out.put("by_language", langs);
        out.put("by_kind", kinds);
        out.put("no_relevant_in_top5", misses);
        return out;
    }

    private static final class Score {
        int n;
        double recall;
        double rr;
        int hits;

        void add(double r, double reciprocalRank) {
            n++;
            recall += r;
            rr += reciprocalRank;
            hits += reciprocalRank > 0 ? 1 : 0;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("queries", n);
            m.put("recall_at_5", Math.round(recall / n * 1000) / 1000.0);
            m.put("mrr", Math.round(rr / n * 1000) / 1000.0);
            m.put("hit_rate_at_5", Math.round((double) hits / n * 1000) / 1000.0);
            return m;
        }
    }

    /**
     * Service vs OpenSearch direct, interleaved query by query so both see the same machine state. The direct query
     * is the one the service builds (NewsSearcher.request): same rewritten text, same vector model, same pipeline,
     * size and highlight. The service's query vector is cached after the first round (as in production for repeated
     * questions); a separate pass with never-seen queries measures the cost including the embedding.
     */
    private Map<String, Object> latency(EvalSet set) throws Exception {
        List<EvalSet.EvalQuery> queries = set.queries();
        List<String> hybridBodies = new ArrayList<>();
        List<String> lexicalBodies = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        for (EvalSet.EvalQuery q : queries) { // warm-up round, and the rewritten text for the direct queries
            rewritten.add(search(q.query(), SearchMode.SEARCH_MODE_HYBRID, false).getRewrittenQuery());
        }
        List<float[]> vectors = embedder.embed(rewritten);
        for (int i = 0; i < queries.size(); i++) {
            hybridBodies.add(directBody(rewritten.get(i), vectors.get(i), true));
            lexicalBodies.add(directBody(rewritten.get(i), null, false));
        }
        for (int i = 0; i < queries.size(); i++) { // warm the direct path too
            openSearch.search(hybridBodies.get(i), config.hybridPipeline());
            openSearch.search(lexicalBodies.get(i), null);
        }
        List<Double> serviceHybrid = new ArrayList<>();
        List<Double> directHybrid = new ArrayList<>();
        List<Double> serviceLexical = new ArrayList<>();
        List<Double> directLexical = new ArrayList<>();
        for (int round = 0; round < config.latencyRounds(); round++) {
            for (int i = 0; i < queries.size(); i++) {
                boolean serviceFirst = (round + i) % 2 == 0;
                for (int leg = 0; leg < 2; leg++) {
                    if ((leg == 0) == serviceFirst) {
                        serviceHybrid.add(timeService(queries.get(i).query(), SearchMode.SEARCH_MODE_HYBRID));
                        serviceLexical.add(timeService(queries.get(i).query(), SearchMode.SEARCH_MODE_LEXICAL));
                    } else {
                        directHybrid.add(timeDirect(hybridBodies.get(i), config.hybridPipeline()));
                        directLexical.add(timeDirect(lexicalBodies.get(i), null));
                    }
                }
            }
        }
        List<Double> uncached = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            uncached.add(timeService(queries.get(i).query() + " " + (1000 + i), SearchMode.SEARCH_MODE_HYBRID));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indexed_chunks", openSearch.countSource(FillerChunks.SOURCE) + openSearch.countChunks(
                set.corpus().stream().map(EvalSet.Item::id).toList(), false));
        out.put("clients", 1);
        out.put("service_hybrid", Stats.summary(serviceHybrid));
        out.put("opensearch_direct_hybrid", Stats.summary(directHybrid));
        out.put("ratio_hybrid_p50", ratio(serviceHybrid, directHybrid, 50));
        out.put("ratio_hybrid_p99", ratio(serviceHybrid, directHybrid, 99));
        out.put("service_lexical", Stats.summary(serviceLexical));
        out.put("opensearch_direct_lexical", Stats.summary(directLexical));
        out.put("ratio_lexical_p50", ratio(serviceLexical, directLexical, 50));
        out.put("ratio_lexical_p99", ratio(serviceLexical, directLexical, 99));
        out.put("service_hybrid_query_vector_not_cached", Stats.summary(uncached));
        LOG.infof("latency (ms) hybrid service p50/p99 %.1f/%.1f, direct %.1f/%.1f; lexical service %.1f/%.1f, direct %.1f/%.1f; hybrid uncached %.1f/%.1f",
                Stats.percentile(serviceHybrid, 50), Stats.percentile(serviceHybrid, 99), Stats.percentile(directHybrid, 50), Stats.percentile(directHybrid, 99),
                Stats.percentile(serviceLexical, 50), Stats.percentile(serviceLexical, 99), Stats.percentile(directLexical, 50), Stats.percentile(directLexical, 99),
                Stats.percentile(uncached, 50), Stats.percentile(uncached, 99));
        return out;
    }

    private static double ratio(List<Double> a, List<Double> b, double p) {
        return Stats.round(Stats.percentile(a, p) / Stats.percentile(b, p));
    }

    private double timeService(String query, SearchMode mode) {
        long start = System.nanoTime();
        search(query, mode, false);
        return Stats.ms(System.nanoTime() - start);
    }

    private double timeDirect(String body, String pipeline) throws Exception {
        long start = System.nanoTime();
        Http.Reply r = openSearch.search(body, pipeline);
        double ms = Stats.ms(System.nanoTime() - start);
        if (r.status() != 200) {
            throw new IllegalStateException("OpenSearch answered " + r.status() + ": " + r.body());
        }
        return ms;
    }

    /** The JSON NewsSearcher.request builds for k = 5 (20 candidates) without filters. */
    private String directBody(String text, float[] vector, boolean hybrid) {
        ObjectNode body = http.json().createObjectNode();
        body.put("size", 20);
        ObjectNode lexical = http.json().createObjectNode();
        ObjectNode bool = lexical.putObject("bool");
        bool.putArray("must").add(multiMatch(text));
        bool.putArray("filter");
        if (hybrid) {
            ArrayNode legs = body.putObject("query").putObject("hybrid").putArray("queries");
            legs.add(lexical);
            ObjectNode knn = legs.addObject().putObject("knn").putObject("embedding");
            ArrayNode v = knn.putArray("vector");
            for (float x : vector) {
                v.add(x);
            }
            knn.put("k", 100);
        } else {
            body.set("query", lexical);
        }
        ObjectNode highlight = body.putObject("highlight");
        highlight.put("encoder", "html");
        highlight.putArray("pre_tags").add("<em>");
        highlight.putArray("post_tags").add("</em>");
        highlight.set("highlight_query", multiMatch(text));
        highlight.putObject("fields").putObject("text").put("fragment_size", 160).put("number_of_fragments", 1).put("no_match_size", 160);
        return body.toString();
    }

    private ObjectNode multiMatch(String text) {
        ObjectNode mm = http.json().createObjectNode();
        ObjectNode m = mm.putObject("multi_match");
        m.put("query", text);
        m.putArray("fields").add("title^2").add("text");
        m.put("type", "most_fields");
        return mm;
    }

    @SuppressWarnings("unchecked")
    private static void printQuality(Map<String, Object> quality) {
        System.out.println();
        System.out.printf("%-8s %10s %8s %10s%n", "mode", "recall@5", "MRR", "hit@5");
        quality.forEach((mode, v) -> {
            Map<String, Object> m = (Map<String, Object>) v;
            System.out.printf("%-8s %10s %8s %10s%n", mode, m.get("recall_at_5"), m.get("mrr"), m.get("hit_rate_at_5"));
        });
        System.out.println();
    }

    static String name(SearchMode mode) {
        return switch (mode) {
            case SEARCH_MODE_LEXICAL -> "bm25";
            case SEARCH_MODE_VECTOR -> "vector";
            default -> "hybrid";
        };
    }
}
