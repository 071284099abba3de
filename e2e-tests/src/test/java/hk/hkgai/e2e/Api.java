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

    /** A streamed response: its status, Content-Type, and the payloads of its {@code data:} lines in order. */
    record Stream(int status, String contentType, java.util.List<String> data) {
        java.util.List<JsonNode> chunks() throws Exception {
            java.util.List<JsonNode> out = new java.util.ArrayList<>();
            for (String d : data) {
                if (!d.equals("[DONE]")) {
                    out.add(JSON.readTree(d));
                }
            }
            return out;
        }

        /** The concatenated {@code delta.content} of all chunks. */
        String text() throws Exception {
            StringBuilder sb = new StringBuilder();
            for (JsonNode c : chunks()) {
                sb.append(c.at("/choices/0/delta/content").asText(""));
            }
            return sb.toString();
        }
    }

    Stream stream(String body) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = HTTP.send(HttpRequest.newBuilder(URI.create(mesh.gatewayUrl + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + mesh.devKey).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
        java.util.List<String> data = r.body().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip()).toList();
        return new Stream(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), data);
    }

    /** Opens a stream and returns its body unread, for a client that leaves early. */
    HttpResponse<java.io.InputStream> open(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mesh.gatewayUrl + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + mesh.devKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    Reply post(String path, String body) throws Exception {
        return post(path, body, java.util.Map.of());
    }

    Reply post(String path, String body, java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mesh.gatewayUrl + path))
                .header("Authorization", "Bearer " + mesh.devKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
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
