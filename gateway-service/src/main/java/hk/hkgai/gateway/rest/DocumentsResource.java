package hk.hkgai.gateway.rest;

import hk.hkgai.gateway.auth.ApiCaller;
import hk.hkgai.gateway.auth.CurrentCaller;
import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.client.IngestClient;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.kafka.AuditPublisher;
import hk.hkgai.gateway.service.AuditEvents;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * POST /v1/documents: one document or an array, forwarded to the ingest service, which validates them and
 * answers 202 {"ids": [...]} once Kafka has them all. Its 4xx answers (already in the API's error shape)
 * pass through unchanged.
 */
@Path("/v1/documents")
public class DocumentsResource {
    private static final Logger LOG = Logger.getLogger(DocumentsResource.class);

    private final IngestClient ingest;
    private final CurrentCaller current;
    private final AuditPublisher audit;

    public DocumentsResource(@RestClient IngestClient ingest, CurrentCaller current, AuditPublisher audit) {
        this.ingest = ingest;
        this.current = current;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.INGEST)
    public Uni<Response> push(String body) {
        long start = System.nanoTime();
        ApiCaller caller = current.get();
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(null, "The request body must be a document object or an array of documents.");
        }
        String id = RequestIds.generic();
        return ingest.push(id, caller.tenant(), body)
                .onFailure().transform(e -> {
                    LOG.warnf("request %s: ingest unavailable (%s)", id, e.getMessage());
                    return ApiException.unavailable("The ingest service is unavailable; nothing was accepted. Please retry.");
                })
                .map(r -> {
                    int status = r.getStatus();
                    audit.publish(AuditEvents.base(id, caller, "/v1/documents", start, status).build());
                    if (status >= 500) {
                        throw ApiException.unavailable("The ingest service could not accept the documents; nothing was accepted. Please retry.");
                    }
                    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(r.readEntity(String.class)).build();
                });
    }
}
