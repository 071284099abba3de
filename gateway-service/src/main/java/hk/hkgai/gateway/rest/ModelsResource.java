package hk.hkgai.gateway.rest;

import hk.hkgai.contracts.inference.v1.InferenceService;
import hk.hkgai.contracts.inference.v1.ListModelsRequest;
import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.client.Downstream;
import hk.hkgai.gateway.rest.dto.ModelList;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /v1/models: what the inference worker serves, in OpenAI's list shape. */
@Path("/v1/models")
public class ModelsResource {
    private final InferenceService inference;

    public ModelsResource(@GrpcClient("inference") InferenceService inference) {
        this.inference = inference;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.CHAT)
    public Uni<ModelList> list() {
        return inference.listModels(ListModelsRequest.getDefaultInstance())
                .onFailure().transform(e -> Downstream.toApi("inference", e))
                .map(r -> new ModelList("list", r.getModelsList().stream()
                        .map(m -> new ModelList.Model(m.getId(), "model", 0L, m.getOwnedBy().isBlank() ? "hkgai" : m.getOwnedBy()))
                        .toList()));
    }
}
