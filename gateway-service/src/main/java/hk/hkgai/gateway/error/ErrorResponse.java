package hk.hkgai.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** OpenAI's error body: {"error": {"message", "type", "param", "code"}}; param and code may be null. */
public record ErrorResponse(Body error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(String message, String type, String param, String code) {
    }

    public static ErrorResponse of(ApiException e) {
        return new ErrorResponse(new Body(e.getMessage(), e.type(), e.param(), e.code()));
    }
}
