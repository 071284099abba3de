package hk.hkgai.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A source behind an answer. published_at is ISO-8601 (UTC). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CitationDto(String docId, String title, String url, String source, String publishedAt) {
}
