package hk.hkgai.retrieval.health;

import hk.hkgai.retrieval.service.IndexManager;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;

/** Ready when OpenSearch answers and the index exists. */
@Readiness
@ApplicationScoped
public class OpenSearchReadiness implements HealthCheck {
    private final RestClient rest;
    private final IndexManager index;

    public OpenSearchReadiness(RestClient rest, IndexManager index) {
        this.rest = rest;
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("opensearch").withData("index", index.indexName());
        try {
            int status = rest.performRequest(new Request("GET", "/_cluster/health")).getStatusLine().getStatusCode();
            return builder.status(status == 200 && index.ready()).withData("index_ready", index.ready()).build();
        } catch (IOException e) {
            return builder.down().withData("error", e.getMessage()).build();
        }
    }
}
