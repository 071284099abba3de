package hk.hkgai.gateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves the API in OpenAI's error shape with the matching status. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(ErrorResponse.of(e));
        e.headers().forEach(r::header);
        return r.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String path = m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return api(ApiException.badRequest(path, "Invalid value for '" + path + "': " + e.getOriginalMessage()));
        }
        return api(ApiException.badRequest(null, "We could not parse the JSON body of your request: " + e.getOriginalMessage()));
    }

    /** Quarkus ships its own (differently shaped) mappers for these two; ours take precedence. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // The JSON reader reports a bad body as a 400 whose cause says what was wrong.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        if (e instanceof NotFoundException) {
            return api(ApiException.notFound("not_found", "Unknown path"));
        }
        if (e instanceof NotAllowedException) {
            return api(new ApiException(405, "invalid_request_error", "method_not_allowed", null, "Method not allowed", Map.of()));
        }
        if (e instanceof NotSupportedException) {
            return api(new ApiException(415, "invalid_request_error", "unsupported_media_type", null,
                    "Content-Type must be application/json", Map.of()));
        }
        if (status == 413) {
            return api(ApiException.tooLarge("Request body is too large"));
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return api(new ApiException(status, status >= 500 ? "server_error" : "invalid_request_error", null, null,
                e.getMessage() == null ? "Request failed" : e.getMessage(), Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return api(new ApiException(500, "server_error", null, null, "The server had an error while processing your request", Map.of()));
    }
}
