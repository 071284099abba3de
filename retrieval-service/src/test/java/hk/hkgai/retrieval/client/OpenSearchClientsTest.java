package hk.hkgai.retrieval.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import hk.hkgai.retrieval.config.RetrievalConfig;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;

/**
 * The client against a real HTTPS server that behaves like a secured cluster's front door: its certificate is
 * signed by a private CA made here with the JDK's keytool (no key is committed), and it answers 401 without the
 * right basic credentials, as the security plugin does.
 */
class OpenSearchClientsTest {
    private static final String USER = "hkgai-retrieval";
    private static final String PASSWORD = "s3cret-密碼";
    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static HttpsServer server;
    static Path caPem;
    static String url;

    @BeforeAll
    static void secureServer() throws Exception {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hkgai test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        caPem = dir.resolve("ca.pem");
        Files.write(caPem, keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12"));
        keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", "node.p12");
        Files.write(dir.resolve("node.csr"), keytool("-certreq", "-alias", "node", "-keystore", "node.p12"));
        Files.write(dir.resolve("node.pem"), keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "node.csr",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-rfc"));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "node.p12");
        keytool("-importcert", "-alias", "node", "-file", "node.pem", "-keystore", "node.p12");

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(dir.resolve("node.p12").toFile())) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server.createContext("/", exchange -> {
            boolean authorised = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorised ? "{\"cluster_name\":\"hkgai\",\"version\":{\"number\":\"2.19.1\"}}"
                    : "{\"error\":\"Unauthorized\",\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (!authorised) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
            }
            exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "https://localhost:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void trustsTheNamedCaAndSendsTheCredentials() throws Exception {
        try (RestClient client = OpenSearchClients.restClient(settings(Optional.of(USER), Optional.of(PASSWORD), Optional.of(caPem.toString())))) {
            var response = client.performRequest(new Request("GET", "/"));
            assertThat(response.getStatusLine().getStatusCode()).isEqualTo(200);
            assertThat(new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8)).contains("2.19.1");
        }
    }

    @Test
    void withoutCredentialsTheClusterRefuses() {
        try (RestClient client = OpenSearchClients.restClient(settings(Optional.empty(), Optional.empty(), Optional.of(caPem.toString())))) {
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/")))
                    .isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.getResponse().getStatusLine().getStatusCode()).isEqualTo(401));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutTheCaAPrivateCertificateIsNotTrusted() throws IOException {
        try (RestClient client = OpenSearchClients.restClient(settings(Optional.of(USER), Optional.of(PASSWORD), Optional.empty()))) {
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/"))).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void anUnreadableCaFileStopsStartupInsteadOfTrustingAnything() throws IOException {
        Path notPem = Files.writeString(dir.resolve("not-a-cert.pem"), "hello");
        assertThatThrownBy(() -> OpenSearchClients.restClient(settings(Optional.empty(), Optional.empty(), Optional.of(notPem.toString()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ca-file");
        assertThatThrownBy(() -> OpenSearchClients.restClient(settings(Optional.empty(), Optional.empty(), Optional.of(dir.resolve("missing.pem").toString()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing.pem");
    }

    private static RetrievalConfig.OpenSearch settings(Optional<String> user, Optional<String> password, Optional<String> ca) {
        return new RetrievalConfig.OpenSearch() {
            public String url() {
                return url;
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration socketTimeout() {
                return Duration.ofSeconds(5);
            }

            public Optional<String> username() {
                return user;
            }

            public Optional<String> password() {
                return password;
            }

            public Optional<String> caFile() {
                return ca;
            }
        };
    }

    /** Runs the JDK's keytool in {@link #dir} and returns what it printed. */
    private static byte[] keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", STORE_PASSWORD, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed");
        }
        return out;
    }
}
