package hk.hkgai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The ingest service's push API. The gateway forwards the body unparsed: ingest owns validation, id
 * derivation and the Kafka write, and answers 202 only once Kafka has every item.
 */
@RegisterRestClient(configKey = "ingest")
@Path("/v1/documents")
public interface IngestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> push(@HeaderParam("X-Request-Id") String requestId, @HeaderParam("X-Hkgai-Tenant") String tenant, String body);
}
