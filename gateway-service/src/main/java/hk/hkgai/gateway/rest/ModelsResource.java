package hk.hkgai.gateway.rest;

import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.client.Downstream;
import hk.hkgai.gateway.client.MeshClients;
import hk.hkgai.gateway.config.GatewayConfig;
import hk.hkgai.gateway.rest.dto.ModelList;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** GET /v1/models: what the inference worker serves, in OpenAI's list shape. */
@Path("/v1/models")
public class ModelsResource {
    private final MeshClients mesh;
    private final String defaultAlias;

    public ModelsResource(MeshClients mesh, GatewayConfig config) {
        this.mesh = mesh;
        this.defaultAlias = config.defaultModelAlias();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.CHAT)
    public Uni<ModelList> list() {
        return mesh.listModels()
                .onFailure().transform(e -> Downstream.toApi("inference", e))
                .map(r -> {
                    List<ModelList.Model> models = new ArrayList<>();
                    // The alias first: it always means the worker's default chat model.
                    models.add(new ModelList.Model(defaultAlias, "model", 0L, "hkgai"));
                    r.getModelsList().forEach(m -> models.add(
                            new ModelList.Model(m.getId(), "model", 0L, m.getOwnedBy().isBlank() ? "hkgai" : m.getOwnedBy())));
                    return new ModelList("list", models);
                });
    }
}
