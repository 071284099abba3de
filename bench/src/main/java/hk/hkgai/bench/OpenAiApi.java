package hk.hkgai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible HTTP API (this gateway, vLLM, a hosted model): POST with a bearer key, blocking. A 429 is
 * waited out (its Retry-After, else 1 s) and retried, as are a few 502/503/504 and connection failures; the latency
 * recorded is the last attempt's, so the dev tenant's rate limit never shows up as guard or model latency.
 */
public final class OpenAiApi {
    private static final int MAX_429 = 60;
    private static final int MAX_OTHER = 3;

    private final String base;
    private final String key;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient client;
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    public OpenAiApi(String baseUrl, String key, Duration timeout, ObjectMapper json) {
        this.base = normalizeBase(baseUrl);
        this.key = key;
        this.timeout = timeout;
        this.json = json;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** "http://h:8000", "http://h:8000/" and "http://h:8000/v1" all mean the same server. */
    static String normalizeBase(String url) {
        String b = url.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        if (b.endsWith("/v1")) {
            b = b.substring(0, b.length() - 3);
        }
        return b;
    }

    public String base() {
        return base;
    }

    /** 429 answers waited out, other attempts retried (5xx, I/O), since this client was made. */
    public long rateLimited() {
        return rateLimited.get();
    }

    public long retried() {
        return retried.get();
    }

    /** status 0 with error set: no HTTP answer at all. body: the parsed JSON, null if none or not JSON. */
    public record Call(int status, JsonNode body, String raw, double ms, String error) {
        public boolean ok() {
            return status == 200 && body != null;
        }

        public String describe() {
            if (error != null) {
                return error;
            }
            String r = raw == null ? "" : raw.replaceAll("\\s+", " ");
            return "HTTP " + status + (r.isEmpty() ? "" : ": " + (r.length() > 200 ? r.substring(0, 200) + "…" : r));
        }
    }

    public Call post(String path, Object body) throws InterruptedException {
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (key != null && !key.isBlank()) {
            rb.header("Authorization", "Bearer " + key);
        }
        HttpRequest req = rb.build();
        int limited = 0;
        int other = 0;
        while (true) {
            long start = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = client.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                double ms = Stats.ms(System.nanoTime() - start);
                if (++other <= MAX_OTHER) {
                    retried.incrementAndGet();
                    Thread.sleep(500L * other);
                    continue;
                }
                return new Call(0, null, null, ms, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            double ms = Stats.ms(System.nanoTime() - start);
            int status = r.statusCode();
            if (status == 429 && ++limited <= MAX_429) {
                rateLimited.incrementAndGet();
                Thread.sleep(retryAfterMs(r));
                continue;
            }
            if ((status == 502 || status == 503 || status == 504) && ++other <= MAX_OTHER) {
                retried.incrementAndGet();
                Thread.sleep(500L * other);
                continue;
            }
            JsonNode parsed = null;
            try {
                parsed = r.body().isEmpty() ? null : json.readTree(r.body());
            } catch (IOException e) {
                // not JSON: kept raw
            }
            return new Call(status, parsed, r.body(), ms, null);
        }
    }

    private static long retryAfterMs(HttpResponse<?> r) {
        try {
            double s = Double.parseDouble(r.headers().firstValue("Retry-After").orElse("1").strip());
            return (long) Math.min(30_000, Math.max(100, s * 1000));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
