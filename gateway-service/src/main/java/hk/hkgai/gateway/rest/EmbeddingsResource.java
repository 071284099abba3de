package hk.hkgai.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import hk.hkgai.contracts.inference.v1.EmbedRequest;
import hk.hkgai.contracts.inference.v1.EmbedResponse;
import hk.hkgai.contracts.inference.v1.Embedding;
import hk.hkgai.gateway.auth.CurrentCaller;
import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.limits.TenantRateLimiter;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.client.Downstream;
import hk.hkgai.gateway.client.MeshClients;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.rest.dto.EmbeddingList;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * POST /v1/embeddings: bge-small-zh-v1.5 vectors (512 dimensions, L2-normalised, the same the retriever indexes
 * with), computed by the inference worker in batches. Embeddings are a model call, so they take the 'chat' scope.
 */
@Path("/v1/embeddings")
public class EmbeddingsResource {
    /** The worker's own limit per request (hkgai.inference.embedding.max-texts) is 256: stay within it. */
    static final int MAX_INPUTS = 256;
    /** bge truncates at 512 tokens; longer texts are accepted and truncated, up to this bound on the body. */
    static final int MAX_CHARS = 32_000;
    static final int DIMENSIONS = 512;

    private final MeshClients mesh;
    private final CurrentCaller current;
    private final TenantRateLimiter limiter;

    public EmbeddingsResource(MeshClients mesh, CurrentCaller current, TenantRateLimiter limiter) {
        this.mesh = mesh;
        this.current = current;
        this.limiter = limiter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.CHAT)
    public Uni<EmbeddingList> embed(JsonNode body) {
        List<String> inputs = TextInputs.of(body, MAX_INPUTS, MAX_CHARS);
        boolean base64 = encoding(body.get("encoding_format"));
        JsonNode dimensions = body.get("dimensions");
        if (dimensions != null && !dimensions.isNull() && (!dimensions.canConvertToInt() || dimensions.asInt() != DIMENSIONS)) {
            throw ApiException.badRequest("dimensions", "This model has " + DIMENSIONS + " dimensions and cannot shorten them; omit 'dimensions' or send " + DIMENSIONS + ".");
        }
        JsonNode model = body.get("model");
        if (model != null && !model.isNull() && !model.isTextual()) {
            throw ApiException.badRequest("model", "'model' must be a string.");
        }
        EmbedRequest request = EmbedRequest.newBuilder().addAllTexts(inputs)
                .setModel(model == null || model.isNull() ? "" : model.asText()).build();
        String tenant = current.get().tenant();
        return mesh.embed(request)
                .onFailure().transform(e -> Downstream.toApi("inference", e))
                .invoke(r -> limiter.charge(tenant, r.getPromptTokens()))
                .map(r -> response(r, base64));
    }

    private static boolean encoding(JsonNode format) {
        if (format == null || format.isNull() || "float".equals(format.asText())) {
            return false;
        }
        if ("base64".equals(format.asText())) {
            return true;
        }
        throw ApiException.badRequest("encoding_format", "'encoding_format' must be 'float' or 'base64'.");
    }

    private static EmbeddingList response(EmbedResponse r, boolean base64) {
        List<EmbeddingList.Item> data = new ArrayList<>(r.getEmbeddingsCount());
        for (int i = 0; i < r.getEmbeddingsCount(); i++) {
            Embedding e = r.getEmbeddings(i);
            data.add(new EmbeddingList.Item("embedding", i, base64 ? base64(e) : e.getValuesList()));
        }
        return new EmbeddingList("list", data, r.getModel(), new EmbeddingList.Usage(r.getPromptTokens(), r.getPromptTokens()));
    }

    private static String base64(Embedding e) {
        ByteBuffer bytes = ByteBuffer.allocate(e.getValuesCount() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < e.getValuesCount(); i++) {
            bytes.putFloat(e.getValues(i));
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
