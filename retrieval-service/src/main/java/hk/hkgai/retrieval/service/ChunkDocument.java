package hk.hkgai.retrieval.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A chunk as stored in OpenSearch (the index's `_source`). Times are ISO-8601 strings. */
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
        @JsonProperty("published_at") String publishedAt,
        @JsonProperty("ingested_at") String ingestedAt,
        @JsonProperty("content_hash") String contentHash) {
}
