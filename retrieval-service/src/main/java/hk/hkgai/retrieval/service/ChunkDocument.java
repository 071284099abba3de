package hk.hkgai.retrieval.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A chunk as stored in OpenSearch. Times are ISO-8601 strings. The embedding is written but excluded from
 * `_source` by the mapping (it would be stored a second time), so it is always null when read back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChunkDocument(
        @JsonProperty("doc_id") String docId,
        @JsonProperty("chunk_id") String chunkId,
        @JsonProperty("chunk_index") int chunkIndex,
        @JsonProperty("chunk_count") int chunkCount,
        @JsonProperty("title") String title,
        @JsonProperty("text") String text,
        @JsonProperty("url") String url,
        @JsonProperty("source") String source,
        @JsonProperty("language") String language,
        @JsonProperty("script") String script,
        @JsonProperty("published_at") String publishedAt,
        @JsonProperty("ingested_at") String ingestedAt,
        @JsonProperty("content_hash") String contentHash,
        @JsonProperty("cluster_id") String clusterId,
        @JsonProperty("simhash") String simhash,
        @JsonProperty("token_count") Integer tokenCount,
        @JsonProperty("embedded") Boolean embedded,
        @JsonProperty("embedding") float[] embedding) {

    /** What the embedding model reads: the title gives a chunk from the middle of a story its topic. */
    public String embeddingInput() {
        return title == null || title.isBlank() || text.startsWith(title) ? text : title + "\n" + text;
    }

    public ChunkDocument withEmbedding(float[] vector) {
        return new ChunkDocument(docId, chunkId, chunkIndex, chunkCount, title, text, url, source, language, script,
                publishedAt, ingestedAt, contentHash, clusterId, simhash, tokenCount, vector != null, vector);
    }

    /** The near-duplicate cluster this chunk's story belongs to; its own story when it has no duplicate. */
    public String clusterOrDoc() {
        return clusterId == null || clusterId.isBlank() ? docId : clusterId;
    }
}
