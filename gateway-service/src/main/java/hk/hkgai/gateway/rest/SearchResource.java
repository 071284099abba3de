package hk.hkgai.gateway.rest;

import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.retrieval.v1.SearchMode;
import hk.hkgai.contracts.retrieval.v1.SearchRequest;
import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.client.Downstream;
import hk.hkgai.gateway.client.MeshClients;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.rest.dto.SearchResultsResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.resteasy.reactive.Separator;

/**
 * GET /v1/search?q=...&k=5[&source=..][&lang=..][&after=..][&before=..][&recent=true][&mode=hybrid|lexical|vector]
 * [&duplicates=true]
 */
@Path("/v1/search")
public class SearchResource {
    private static final int MAX_K = 50;

    private final MeshClients mesh;

    public SearchResource(MeshClients mesh) {
        this.mesh = mesh;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.SEARCH)
    public Uni<SearchResultsResponse> search(@QueryParam("q") String q, @QueryParam("k") String k,
                                             @QueryParam("source") @Separator(",") List<String> sources,
                                             @QueryParam("lang") @Separator(",") List<String> languages,
                                             @QueryParam("after") String after, @QueryParam("before") String before,
                                             @QueryParam("recent") boolean recent, @QueryParam("mode") String mode,
                                             @QueryParam("duplicates") boolean duplicates) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "Missing required query parameter: 'q'.");
        }
        SearchRequest.Builder request = SearchRequest.newBuilder().setQuery(q).setK(parseK(k)).setPreferRecent(recent)
                .setMode(parseMode(mode)).setIncludeDuplicates(duplicates);
        if (sources != null) {
            request.addAllSources(sources.stream().filter(s -> !s.isBlank()).toList());
        }
        if (languages != null) {
            request.addAllLanguages(languages.stream().filter(s -> !s.isBlank()).toList());
        }
        if (after != null) {
            request.setPublishedAfter(timestamp("after", after));
        }
        if (before != null) {
            request.setPublishedBefore(timestamp("before", before));
        }
        return mesh.search(request.build())
                .onFailure().transform(e -> Downstream.toApi("retrieval", e))
                .map(r -> new SearchResultsResponse(r.getPassagesList().stream().map(SearchResource::result).toList(),
                        modeName(r.getMode()), Citations.emptyToNull(r.getRewrittenQuery())));
    }

    private static SearchMode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return SearchMode.SEARCH_MODE_HYBRID;
        }
        return switch (mode.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "hybrid" -> SearchMode.SEARCH_MODE_HYBRID;
            case "lexical", "bm25" -> SearchMode.SEARCH_MODE_LEXICAL;
            case "vector", "knn" -> SearchMode.SEARCH_MODE_VECTOR;
            default -> throw ApiException.badRequest("mode", "'mode' must be one of hybrid, lexical, vector.");
        };
    }

    private static String modeName(SearchMode mode) {
        return switch (mode) {
            case SEARCH_MODE_LEXICAL -> "lexical";
            case SEARCH_MODE_VECTOR -> "vector";
            default -> "hybrid";
        };
    }

    private static int parseK(String k) {
        if (k == null || k.isBlank()) {
            return 5;
        }
        try {
            int value = Integer.parseInt(k.trim());
            if (value >= 1 && value <= MAX_K) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw ApiException.badRequest("k", "'k' must be an integer between 1 and " + MAX_K + ".");
    }

    private static com.google.protobuf.Timestamp timestamp(String param, String value) {
        try {
            Instant i = Instant.parse(value);
            return com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(param, "'" + param + "' must be an ISO-8601 instant such as 2026-11-26T00:00:00Z.");
        }
    }

    private static SearchResultsResponse.Result result(Passage p) {
        return new SearchResultsResponse.Result(p.getDocId(), p.getChunkId(), p.getTitle(), p.getSnippet(), p.getScore(),
                Citations.emptyToNull(p.getUrl()), Citations.emptyToNull(p.getSource()),
                p.hasPublishedAt() ? Citations.iso(p.getPublishedAt()) : null, Citations.emptyToNull(p.getLanguage()),
                Citations.emptyToNull(p.getClusterId()));
    }
}
