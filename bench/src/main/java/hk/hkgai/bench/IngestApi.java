package hk.hkgai.bench;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /v1/documents on ingest-service: the push path, answered 202 once Kafka has the items. */
@Singleton
public class IngestApi {
    private final Http http;
    private final BenchConfig config;

    public IngestApi(Http http, BenchConfig config) {
        this.http = http;
        this.config = config;
    }

    public static Map<String, Object> document(String id, String title, String text, String url, String source, String lang, Instant published) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("title", title);
        d.put("text", text);
        d.put("url", url);
        d.put("source", source);
        d.put("lang", lang);
        d.put("published_at", published.truncatedTo(ChronoUnit.SECONDS).toString());
        return d;
    }

    /** Pushes in batches; throws unless every batch is accepted (202). */
    public void push(List<Map<String, Object>> docs, int batch) throws IOException, InterruptedException {
        for (int i = 0; i < docs.size(); i += batch) {
            List<Map<String, Object>> part = new ArrayList<>(docs.subList(i, Math.min(docs.size(), i + batch)));
            Http.Reply r = http.postJson(config.ingestUrl() + "/v1/documents", part);
            if (r.status() != 202) {
                throw new IllegalStateException("ingest answered " + r.status() + ": " + r.body());
            }
        }
    }
}
