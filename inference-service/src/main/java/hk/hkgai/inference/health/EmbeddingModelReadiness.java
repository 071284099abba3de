package hk.hkgai.inference.health;

import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.inference.service.EmbeddingService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the embedding model is loaded (or when embeddings are disabled). While it loads, or after it failed,
 * the worker is not ready: the retrieval indexer and the gateway's /v1/embeddings depend on it.
 */
@Readiness
@ApplicationScoped
public class EmbeddingModelReadiness implements HealthCheck {
    private final EmbeddingService embeddings;

    public EmbeddingModelReadiness(EmbeddingService embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public HealthCheckResponse call() {
        EmbeddingService.State state = embeddings.state();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("embedding-model")
                .withData("model", BgeEmbedder.MODEL_ID)
                .withData("state", state.name().toLowerCase(java.util.Locale.ROOT))
                .status(state == EmbeddingService.State.READY || state == EmbeddingService.State.DISABLED);
        if (state == EmbeddingService.State.READY) {
            r.withData("load_ms", embeddings.loadMillis());
        }
        embeddings.failure().ifPresent(e -> r.withData("error", String.valueOf(e.getMessage())));
        return r.build();
    }
}
