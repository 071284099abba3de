package hk.hkgai.ingest.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error this service answers over REST has OpenAI's shape, including the framework's 404/405/415. */
public class ErrorMappers {
    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(ErrorBody.of(e));
        if (e.status() == 503) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response webError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String type = status >= 500 ? ApiException.API_ERROR : ApiException.INVALID_REQUEST;
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> null;
        };
        String message = status == 415 ? "Content-Type must be application/json" : e.getMessage();
        return apiError(new ApiException(status, type, message, null, code));
    }
}
