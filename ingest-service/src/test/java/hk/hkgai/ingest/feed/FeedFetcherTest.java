package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import hk.hkgai.ingest.feed.FetchResult.Validators;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback (the JDK's), not a mock. */
class FeedFetcherTest {
    private static final String ETAG = "\"v1\"";
    private static final String LAST_MODIFIED = "Tue, 24 Nov 2026 02:00:00 GMT";

    private HttpServer server;
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private final FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), Duration.ofMillis(1500), 1024, "test-agent", null);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/feed.xml", exchange -> {
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(inm));
            assertThat(exchange.getRequestHeaders().getFirst("User-Agent")).isEqualTo("test-agent");
            if (ETAG.equals(inm) && LAST_MODIFIED.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] body = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", ETAG);
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/error", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: the size is only known while reading
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write(new byte[512]);
                }
            }
        });
        server.createContext("/slow-headers", exchange -> {
            sleep(5_000);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write('<');
                    out.flush();
                    sleep(200);
                }
            } catch (IOException clientGone) {
                // expected: the fetcher gave up
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void conditionalGetReturnsNotModifiedWhenTheValidatorsMatch() throws Exception {
        FetchResult first = fetcher.fetch(uri("/feed.xml"), Validators.NONE).get(5, TimeUnit.SECONDS);
        assertThat(first).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(new String(f.body(), StandardCharsets.UTF_8)).startsWith("<rss");
            assertThat(f.contentType()).contains("application/rss+xml; charset=utf-8");
            assertThat(f.validators()).isEqualTo(new Validators(Optional.of(ETAG), Optional.of(LAST_MODIFIED)));
        });
        FetchResult second = fetcher.fetch(uri("/feed.xml"), ((FetchResult.Fetched) first).validators()).get(5, TimeUnit.SECONDS);
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        assertThat(ifNoneMatch).containsExactly("null", ETAG);
    }

    @Test
    void httpErrorsAreClassified() {
        assertFails("/error", "http_5xx");
        assertFails("/missing", "http_4xx");
    }

    @Test
    void oversizedBodiesAreRejected() {
        assertFails("/huge", "too_large");
    }

    @Test
    void slowServersTimeOutIncludingOnesThatTrickleTheBody() {
        long t0 = System.nanoTime();
        assertFails("/slow-headers", "timeout");
        assertFails("/trickle", "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void refusedConnectionsAreClassified() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/x"), Validators.NONE).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.reason()).isEqualTo("connect"));
    }

    private void assertFails(String path, String reason) {
        assertThatThrownBy(() -> fetcher.fetch(uri(path), Validators.NONE).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
