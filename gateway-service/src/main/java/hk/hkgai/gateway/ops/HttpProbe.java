package hk.hkgai.gateway.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Small JSON GETs to the mesh's HTTP ports (health, ingest's feed list) with a hard time budget. Never fails: the
 * result carries either the status and body or the error, so one slow or absent service never holds up the page.
 */
@ApplicationScoped
public class HttpProbe {
    /** The answer of one GET: {@code status} -1 when nothing answered (then {@code error} says why). */
    public record Result(int status, JsonNode body, String error, long latencyMs) {
        boolean answered() {
            return status > 0;
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    public HttpProbe(OpsConfig config, ObjectMapper json) {
        this.timeout = config.healthTimeout();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Uni<Result> get(String baseUrl, String path) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + path)).timeout(timeout)
                    .header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(new Result(-1, null, "bad URL " + baseUrl, 0));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .ifNoItem().after(timeout.plusMillis(250)).fail()
                .map(r -> new Result(r.statusCode(), parse(r.body()), null, millisSince(start)))
                .onFailure().recoverWithItem(e -> new Result(-1, null, describe(e), millisSince(start)));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = root.getClass().getSimpleName();
        if (root instanceof java.net.http.HttpTimeoutException || root instanceof io.smallrye.mutiny.TimeoutException) {
            return "timed out";
        }
        if (root instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return root.getMessage() == null ? kind : kind + ": " + root.getMessage();
    }
}
