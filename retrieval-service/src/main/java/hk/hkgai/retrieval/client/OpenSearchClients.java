package hk.hkgai.retrieval.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.retrieval.config.RetrievalConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.apache.http.HttpHost;
import org.opensearch.client.RestClient;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.rest_client.RestClientTransport;

/** One REST client per process (it pools connections); the typed client sits on top of it. */
@Singleton
public class OpenSearchClients {

    @Produces
    @Singleton
    RestClient restClient(RetrievalConfig config) {
        RetrievalConfig.OpenSearch os = config.openSearch();
        return RestClient.builder(HttpHost.create(os.url()))
                .setRequestConfigCallback(rc -> rc
                        .setConnectTimeout((int) os.connectTimeout().toMillis())
                        .setSocketTimeout((int) os.socketTimeout().toMillis()))
                .build();
    }

    @Produces
    @Singleton
    OpenSearchClient openSearchClient(RestClient restClient, ObjectMapper mapper) {
        return new OpenSearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
    }

    void close(@Disposes RestClient restClient) throws IOException {
        restClient.close();
    }
}
