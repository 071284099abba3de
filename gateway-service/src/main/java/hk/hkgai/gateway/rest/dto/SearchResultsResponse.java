package hk.hkgai.gateway.rest.dto;

import java.util.List;

/**
 * GET /v1/search: {"results": [...], "mode": "hybrid|lexical|vector", "rewritten_query": "..."}. Snippets are
 * HTML-escaped with matches in <em>. mode is the mode actually used (hybrid falls back to lexical while the
 * embedding model is unavailable); rewritten_query is the lexical query after Cantonese colloquial rewriting.
 */
public record SearchResultsResponse(List<Result> results, String mode, String rewrittenQuery) {

    public record Result(String docId, String chunkId, String title, String snippet, double score, String url,
                         String source, String publishedAt, String language, String clusterId) {
    }
}
