package hk.hkgai.ingest.api;

/**
 * A request error answered in OpenAI's error shape:
 * {@code {"error":{"message","type","param","code"}}}.
 */
public class ApiException extends RuntimeException {
    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String API_ERROR = "api_error";

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiException(int status, String type, String message, String param, String code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    public static ApiException invalid(String message, String param, String code) {
        return new ApiException(400, INVALID_REQUEST, message, param, code);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
