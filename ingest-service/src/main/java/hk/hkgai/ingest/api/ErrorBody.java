package hk.hkgai.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** OpenAI's error envelope; param and code are always present (null when they do not apply), as OpenAI does. */
public record ErrorBody(Detail error) {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {
    }

    public static ErrorBody of(ApiException e) {
        return new ErrorBody(new Detail(e.getMessage(), e.type(), e.param(), e.code()));
    }
}
