package hk.hkgai.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A thin client of the public HTTP API (JDK HttpClient + Jackson). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode body) {
    }

    private final Mesh mesh;

    Api(Mesh mesh) {
        this.mesh = mesh;
    }

    Reply chat(String question) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("model", "hkgai")
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", question))));
        return post("/v1/chat/completions", body);
    }

    Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(mesh.gatewayUrl + path))
                .header("Authorization", "Bearer " + mesh.devKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply search(String q, int k) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(mesh.gatewayUrl + "/v1/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&k=" + k)).header("Authorization", "Bearer " + mesh.devKey).GET());
    }

    Reply get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mesh.gatewayUrl + path)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return send(b);
    }

    private static Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()));
    }
}
