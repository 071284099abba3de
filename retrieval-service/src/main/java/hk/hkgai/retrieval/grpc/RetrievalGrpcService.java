package hk.hkgai.retrieval.grpc;

import hk.hkgai.contracts.retrieval.v1.RetrievalService;
import hk.hkgai.contracts.retrieval.v1.SearchRequest;
import hk.hkgai.contracts.retrieval.v1.SearchResponse;
import hk.hkgai.retrieval.config.RetrievalConfig;
import hk.hkgai.retrieval.service.IndexManager;
import hk.hkgai.retrieval.service.NewsSearcher;
import hk.hkgai.retrieval.service.SearchQuery;
import hk.hkgai.retrieval.service.SearchResult;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.time.Instant;

@GrpcService
public class RetrievalGrpcService implements RetrievalService {
    private static final int MAX_QUERY_CHARS = 2000;

    private final NewsSearcher searcher;
    private final IndexManager index;
    private final RetrievalConfig.Retrieval config;

    public RetrievalGrpcService(NewsSearcher searcher, IndexManager index, RetrievalConfig config) {
        this.searcher = searcher;
        this.index = index;
        this.config = config.retrieval();
    }

    @Override
    @Blocking
    public Uni<SearchResponse> search(SearchRequest request) {
        return Uni.createFrom().item(() -> {
            SearchQuery query = validate(request);
            if (!index.ready()) {
                throw Status.UNAVAILABLE.withDescription("the search index is not ready yet").asRuntimeException();
            }
            long start = System.nanoTime();
            try {
                SearchResult result = searcher.search(query);
                return SearchResponse.newBuilder()
                        .addAllPassages(result.passages())
                        .setMode(result.mode())
                        .setRewrittenQuery(result.rewrittenQuery())
                        .setTookMs((System.nanoTime() - start) / 1_000_000)
                        .build();
            } catch (IOException e) {
                throw Status.UNAVAILABLE.withDescription("search backend unavailable: " + e.getMessage()).withCause(e).asRuntimeException();
            }
        });
    }

    private SearchQuery validate(SearchRequest r) {
        if (r.getQuery().isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("query must not be empty").asRuntimeException();
        }
        if (r.getQuery().length() > MAX_QUERY_CHARS) {
            throw Status.INVALID_ARGUMENT.withDescription("query is longer than " + MAX_QUERY_CHARS + " characters").asRuntimeException();
        }
        int k = r.getK() == 0 ? config.defaultK() : r.getK();
        if (k < 1 || k > config.maxK()) {
            throw Status.INVALID_ARGUMENT.withDescription("k must be between 1 and " + config.maxK()).asRuntimeException();
        }
        Instant after = r.hasPublishedAfter() ? Instant.ofEpochSecond(r.getPublishedAfter().getSeconds(), r.getPublishedAfter().getNanos()) : null;
        Instant before = r.hasPublishedBefore() ? Instant.ofEpochSecond(r.getPublishedBefore().getSeconds(), r.getPublishedBefore().getNanos()) : null;
        if (after != null && before != null && after.isAfter(before)) {
            throw Status.INVALID_ARGUMENT.withDescription("published_after is later than published_before").asRuntimeException();
        }
        return new SearchQuery(r.getQuery(), k, r.getSourcesList(), r.getLanguagesList(), after, before, r.getPreferRecent(),
                r.getMode(), r.getIncludeDuplicates());
    }
}
