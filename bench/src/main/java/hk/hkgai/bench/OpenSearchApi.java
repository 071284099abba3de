package hk.hkgai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Straight to OpenSearch: counts for "is it indexed yet", and the baseline of the side-by-side latency. */
@Singleton
public class OpenSearchApi {
    private final Http http;
    private final BenchConfig config;

    public OpenSearchApi(Http http, BenchConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Chunks whose doc_id is one of {@code docIds} (and, if asked, that already have their vector). */
    public long countChunks(Collection<String> docIds, boolean embeddedOnly) throws IOException, InterruptedException {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        ArrayNode filter = bool.putArray("filter");
        ArrayNode ids = filter.addObject().putObject("terms").putArray("doc_id");
        docIds.forEach(ids::add);
        if (embeddedOnly) {
            filter.addObject().putObject("term").put("embedded", true);
        }
        return count(body);
    }

    /** Distinct documents among {@code docIds} that have at least one chunk in the index. */
    public long countDocs(Collection<String> docIds) throws IOException, InterruptedException {
        ObjectNode body = http.json().createObjectNode();
        body.put("size", 0);
        ArrayNode ids = body.putObject("query").putObject("terms").putArray("doc_id");
        docIds.forEach(ids::add);
        body.putObject("aggs").putObject("docs").putObject("cardinality").put("field", "doc_id").put("precision_threshold", 40000);
        Http.Reply r = search(body.toString(), null);
        return r.body().at("/aggregations/docs/value").asLong();
    }

    /** Chunks whose title contains this (ASCII, lower-case) token. */
    public long countTitleToken(String token) throws IOException, InterruptedException {
        ObjectNode body = http.json().createObjectNode();
        body.putObject("query").putObject("match").put("title", token);
        return count(body);
    }

    public long countSource(String source) throws IOException, InterruptedException {
        ObjectNode body = http.json().createObjectNode();
        body.putObject("query").putObject("term").put("source", source);
        return count(body);
    }

    private long count(ObjectNode body) throws IOException, InterruptedException {
        Http.Reply r = http.postJson(config.opensearchUrl() + "/" + config.indexAlias() + "/_count", body);
        if (r.status() != 200) {
            return -1;
        }
        return r.body().path("count").asLong();
    }

    /** doc_id -> cluster_id for the given documents (the near-duplicate clusters ingest assigned). */
    public Map<String, String> clusters(Collection<String> docIds) throws IOException, InterruptedException {
        ObjectNode body = http.json().createObjectNode();
        body.put("size", 10000);
        body.putArray("_source").add("doc_id").add("cluster_id");
        ArrayNode ids = body.putObject("query").putObject("terms").putArray("doc_id");
        docIds.forEach(ids::add);
        Map<String, String> out = new HashMap<>();
        for (JsonNode hit : search(body.toString(), null).body().at("/hits/hits")) {
            JsonNode s = hit.get("_source");
            out.put(s.get("doc_id").asText(), s.path("cluster_id").asText(s.get("doc_id").asText()));
        }
        return out;
    }

    public Http.Reply search(String body, String pipeline) throws IOException, InterruptedException {
        String url = config.opensearchUrl() + "/" + config.indexAlias() + "/_search" + (pipeline == null ? "" : "?search_pipeline=" + pipeline);
        return http.postJson(url, body);
    }

    /**
     * Waits until the node has no merge running (three quiet seconds in a row, at most {@code maxSeconds}): right
     * after a bulk load, merges compete with queries for the same cores and the latency would measure the merge.
     */
    public double awaitMergesDone(int maxSeconds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 3 && (System.nanoTime() - start) / 1e9 < maxSeconds) {
            JsonNode nodes = http.json().readTree(http.getText(config.opensearchUrl() + "/_nodes/stats/indices/merges")).path("nodes");
            long current = 0;
            for (JsonNode n : nodes) {
                current += n.at("/indices/merges/current").asLong();
            }
            quiet = current == 0 ? quiet + 1 : 0;
            Thread.sleep(1000);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    public void refresh() throws IOException, InterruptedException {
        http.postJson(config.opensearchUrl() + "/" + config.indexAlias() + "/_refresh", "{}");
    }
}
