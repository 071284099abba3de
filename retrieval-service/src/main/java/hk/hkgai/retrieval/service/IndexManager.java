package hk.hkgai.retrieval.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.hkgai.retrieval.config.RetrievalConfig;
import hk.hkgai.text.ChineseScript;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;

/**
 * Makes sure the versioned index and its alias exist. Writes and searches go through the alias, so a new
 * mapping is a new index version plus an alias switch, not an outage. If OpenSearch is not up yet the
 * service starts anyway and keeps trying; readiness stays down until the index is there.
 */
@Singleton
public class IndexManager {
    private static final Logger LOG = Logger.getLogger(IndexManager.class);
    private static final long RETRY_MS = 3000;

    private final RestClient rest;
    private final RetrievalConfig.Retrieval config;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private volatile boolean ready;

    public IndexManager(RestClient rest, RetrievalConfig config, ObjectMapper mapper, Vertx vertx) {
        this.rest = rest;
        this.config = config.retrieval();
        this.mapper = mapper;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        vertx.executeBlocking(() -> tryEnsure(), false);
    }

    private boolean tryEnsure() {
        try {
            ensureIndex();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("OpenSearch not ready (%s); retrying in %d ms", e.getMessage(), RETRY_MS);
            vertx.setTimer(RETRY_MS, id -> vertx.executeBlocking(() -> tryEnsure(), false));
            return false;
        }
    }

    public boolean ready() {
        return ready;
    }

    public String alias() {
        return config.indexAlias();
    }

    public String indexName() {
        return config.indexAlias() + "-v" + config.indexVersion();
    }

    /** Creates the index and alias if missing. Idempotent; safe to race with another replica. */
    public synchronized void ensureIndex() throws IOException {
        if (ready) {
            return;
        }
        String index = indexName();
        if (!exists("/" + index)) {
            Request create = new Request("PUT", "/" + index);
            create.setJsonEntity(indexDefinition());
            try {
                rest.performRequest(create);
                LOG.infof("created index %s", index);
            } catch (ResponseException e) {
                if (!e.getMessage().contains("resource_already_exists_exception")) {
                    throw e;
                }
            }
        }
        if (!exists("/_alias/" + config.indexAlias())) {
            Request alias = new Request("POST", "/_aliases");
            alias.setJsonEntity("{\"actions\":[{\"add\":{\"index\":\"" + index + "\",\"alias\":\"" + config.indexAlias()
                    + "\",\"is_write_index\":true}}]}");
            rest.performRequest(alias);
            LOG.infof("alias %s -> %s", config.indexAlias(), index);
        }
        ready = true;
    }

    private boolean exists(String path) throws IOException {
        Response r;
        try {
            r = rest.performRequest(new Request("HEAD", path));
        } catch (ResponseException e) {
            r = e.getResponse();
        }
        return r.getStatusLine().getStatusCode() == 200;
    }

    /** The bundled index JSON with its settings filled in and the Traditional->Simplified folding table. */
    String indexDefinition() throws IOException {
        try (InputStream in = IndexManager.class.getClassLoader().getResourceAsStream("opensearch/news-index.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"${shards}\"", Integer.toString(config.shards()))
                    .replace("\"${replicas}\"", Integer.toString(config.replicas()));
            ObjectNode root = (ObjectNode) mapper.readTree(json);
            // Generated from ICU's transform at start-up rather than shipped as a file on the cluster, so the
            // index can be created on any managed OpenSearch.
            List<String> rules = ChineseScript.traditionalToSimplifiedPairs().entrySet().stream()
                    .map(e -> e.getKey() + "=>" + e.getValue()).toList();
            ObjectNode charFilter = (ObjectNode) root.at("/settings/analysis/char_filter/hk_t2s");
            charFilter.set("mappings", mapper.valueToTree(rules));
            return mapper.writeValueAsString(root);
        }
    }
}
