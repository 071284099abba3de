package hk.hkgai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One keep-alive HTTP/1.1 client for the ingest API, OpenSearch and the services' /q/metrics. */
@Singleton
public class Http {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;

    public Http(ObjectMapper json) {
        this.json = json;
    }

    public record Reply(int status, JsonNode body, long nanos) {
    }

    public Reply postJson(String url, Object body) throws IOException, InterruptedException {
        String payload = body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        long start = System.nanoTime();
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        return new Reply(r.statusCode(), r.body().isEmpty() ? null : json.readTree(r.body()), nanos);
    }

    public String getText(String url) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public ObjectMapper json() {
        return json;
    }
}
