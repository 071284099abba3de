package hk.hkgai.retrieval.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.retrieval.config.RetrievalConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.rest_client.RestClientTransport;

/** One REST client per process (it pools connections); the typed client sits on top of it. */
@Singleton
public class OpenSearchClients {

    @Produces
    @Singleton
    RestClient restClient(RetrievalConfig config) {
        return restClient(config.openSearch());
    }

    /**
     * The cluster's client: timeouts, basic authentication when a user is set (the security plugin's internal users,
     * as the OpenSearch Kubernetes Operator creates them), and the cluster's own CA when one is named. A CA file
     * that cannot be read stops the service at startup rather than falling back to trusting anything.
     */
    public static RestClient restClient(RetrievalConfig.OpenSearch os) {
        HttpHost host = HttpHost.create(os.url());
        SSLContext ssl = os.caFile().filter(f -> !f.isBlank()).map(f -> trusting(Path.of(f))).orElse(null);
        RestClientBuilder builder = RestClient.builder(host);
        os.username().filter(u -> !u.isBlank()).ifPresent(user -> builder.setDefaultHeaders(new Header[] {basicAuthorization(user, os.password().orElse(""))}));
        return builder
                .setRequestConfigCallback(rc -> rc
                        .setConnectTimeout((int) os.connectTimeout().toMillis())
                        .setSocketTimeout((int) os.socketTimeout().toMillis()))
                .setHttpClientConfigCallback(http -> ssl == null ? http : http.setSSLContext(ssl))
                .build();
    }

    /**
     * Sent with every request rather than after a 401 challenge: one round trip instead of two, and UTF-8, which the
     * security plugin decodes (the HTTP client's challenge scheme would encode a non-ASCII password as ASCII).
     */
    static Header basicAuthorization(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + token);
    }

    /** A TLS context that trusts exactly the certificates in a PEM file (a CA bundle may hold several). */
    static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("hkgai.opensearch.ca-file " + pem + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("opensearch-ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read hkgai.opensearch.ca-file " + pem + ": " + e.getMessage(), e);
        }
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
