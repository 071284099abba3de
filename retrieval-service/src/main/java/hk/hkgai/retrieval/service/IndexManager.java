package hk.hkgai.retrieval.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;

/**
 * Makes sure the index template, the versioned index, its alias and the hybrid search pipeline exist. Writes and searches go through the alias, so a new
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
        ensureTemplate();
        if (!exists("/" + index)) {
            Request create = new Request("PUT", "/" + index); // settings and mappings come from the template
            try {
                rest.performRequest(create);
                LOG.infof("created index %s", index);
            } catch (ResponseException e) {
                if (!e.getMessage().contains("resource_already_exists_exception")) {
                    throw e;
                }
            }
        }
        pointAliasAt(index);
        ensureHybridPipeline();
        ready = true;
    }

    /**
     * The composable index template for {@code <alias>-v*}: every new version's index gets its settings and mappings
     * from it, so a reindex is "bump the version, the new index appears, the alias switches". Written only when
     * missing or older than this service's version, so an old replica restarting in a rolling deploy cannot put an
     * old mapping back.
     */
    private void ensureTemplate() throws IOException {
        String name = config.indexAlias();
        int existing = -1;
        if (exists("/_index_template/" + name)) {
            Response r = rest.performRequest(new Request("GET", "/_index_template/" + name));
            existing = mapper.readTree(r.getEntity().getContent()).at("/index_templates/0/index_template/version").asInt(-1);
        }
        if (existing >= config.indexVersion()) {
            return;
        }
        ObjectNode template = mapper.createObjectNode();
        template.putArray("index_patterns").add(name + "-v*");
        template.put("version", config.indexVersion());
        template.put("priority", 100);
        template.set("template", mapper.readTree(indexDefinition()));
        template.putObject("_meta").put("description", "HKGAI news chunks; see retrieval-service opensearch/news-index.json");
        Request put = new Request("PUT", "/_index_template/" + name);
        put.setJsonEntity(template.toString());
        rest.performRequest(put);
        LOG.infof("index template %s v%d written", name, config.indexVersion());
    }

    /**
     * Moves the alias to this version's index in one atomic _aliases call (remove from the old, add to the new), so
     * searches never see no index. The indexer fills a new version by replaying the chunk topic.
     */
    private void pointAliasAt(String index) throws IOException {
        List<String> current = new ArrayList<>();
        if (exists("/_alias/" + config.indexAlias())) {
            Response r = rest.performRequest(new Request("GET", "/_alias/" + config.indexAlias()));
            mapper.readTree(r.getEntity().getContent()).fieldNames().forEachRemaining(current::add);
        }
        if (current.equals(List.of(index))) {
            return;
        }
        ArrayNode actions = mapper.createArrayNode();
        for (String old : current) {
            if (!old.equals(index)) {
                actions.addObject().putObject("remove").put("index", old).put("alias", config.indexAlias());
            }
        }
        actions.addObject().putObject("add").put("index", index).put("alias", config.indexAlias()).put("is_write_index", true);
        Request alias = new Request("POST", "/_aliases");
        alias.setJsonEntity(mapper.createObjectNode().set("actions", actions).toString());
        rest.performRequest(alias);
        LOG.infof("alias %s -> %s (was %s)", config.indexAlias(), index, current);
    }

    /**
     * The search pipeline that fuses the hybrid query's legs: scores of each leg min-max normalized, then a
     * weighted arithmetic mean. Written on every start, so a changed weight in the configuration takes effect.
     */
    private void ensureHybridPipeline() throws IOException {
        RetrievalConfig.Hybrid hybrid = config.hybrid();
        double lexical = hybrid.lexicalWeight();
        if (lexical < 0 || lexical > 1) {
            throw new IllegalArgumentException("hkgai.retrieval.hybrid.lexical-weight must be between 0 and 1");
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("description", "HKGAI hybrid search: BM25 + k-NN, normalized and combined");
        ObjectNode processor = root.putArray("phase_results_processors").addObject().putObject("normalization-processor");
        processor.putObject("normalization").put("technique", hybrid.normalization());
        ObjectNode combination = processor.putObject("combination");
        combination.put("technique", "arithmetic_mean");
        combination.putObject("parameters").putArray("weights").add(lexical).add(1 - lexical);
        Request put = new Request("PUT", "/_search/pipeline/" + hybrid.pipeline());
        put.setJsonEntity(root.toString());
        rest.performRequest(put);
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
