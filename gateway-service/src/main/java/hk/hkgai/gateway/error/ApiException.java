package hk.hkgai.gateway.error;

import java.util.Map;

/** An error the API answers in OpenAI's shape. Messages name the problem and never echo secrets. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, String> headers;

    public ApiException(int status, String type, String code, String param, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.headers = headers;
    }

    public static ApiException badRequest(String param, String message) {
        return new ApiException(400, "invalid_request_error", null, param, message, Map.of());
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "invalid_request_error", "invalid_api_key", null, message, Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "permission_error", "insufficient_scope", null, message, Map.of());
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, "invalid_request_error", code, null, message, Map.of());
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "invalid_request_error", "request_too_large", null, message, Map.of());
    }

    /** OpenAI's 429: type "requests" or "tokens", code rate_limit_exceeded, and when to retry. */
    public static ApiException rateLimited(String type, String message, long retryAfterSeconds, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Retry-After", Long.toString(retryAfterSeconds));
        return new ApiException(429, type, "rate_limit_exceeded", null, message, Map.copyOf(headers));
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "server_error", "service_unavailable", null, message, Map.of("Retry-After", "5"));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
