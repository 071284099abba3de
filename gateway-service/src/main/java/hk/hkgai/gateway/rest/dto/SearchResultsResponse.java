package hk.hkgai.gateway.rest.dto;

import java.util.List;

/** GET /v1/search: {"results": [...]}. Snippets are HTML-escaped with matches in <em>. */
public record SearchResultsResponse(List<Result> results) {

    public record Result(String docId, String chunkId, String title, String snippet, double score, String url,
                         String source, String publishedAt) {
    }
}
