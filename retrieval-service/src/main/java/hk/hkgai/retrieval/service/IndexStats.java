package hk.hkgai.retrieval.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.retrieval.config.RetrievalConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.logging.Logger;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;

/**
 * The searched index's size for the dashboards: {@code hkgai_retrieval_index_documents} (live chunks in the primary
 * shards) and {@code hkgai_retrieval_index_store_bytes} (on disk, replicas included), read every
 * {@code hkgai.retrieval.stats-interval} from {@code _stats}. They answer "is the news still arriving" and "when does
 * the disk fill" without an OpenSearch exporter. NaN until the first read, and again while OpenSearch does not answer
 * (a stale number would hide the outage).
 */
@Singleton
public class IndexStats {
    private static final Logger LOG = Logger.getLogger(IndexStats.class);

    private final RestClient rest;
    private final IndexManager index;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final long intervalMs;
    private volatile double documents = Double.NaN;
    private volatile double storeBytes = Double.NaN;

    public IndexStats(RestClient rest, IndexManager index, ObjectMapper mapper, Vertx vertx, RetrievalConfig config, MeterRegistry registry) {
        this.rest = rest;
        this.index = index;
        this.mapper = mapper;
        this.vertx = vertx;
        this.intervalMs = config.retrieval().statsInterval().toMillis();
        Gauge.builder("hkgai.retrieval.index.documents", this, s -> s.documents).tag("index", index.indexName())
                .description("Chunks in the searched index (primary shards, deleted ones excluded)").register(registry);
        Gauge.builder("hkgai.retrieval.index.store", this, s -> s.storeBytes).tag("index", index.indexName()).baseUnit("bytes")
                .description("Size of the searched index on disk, replicas included").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        vertx.setPeriodic(1000, intervalMs, id -> vertx.executeBlocking(() -> {
            refresh();
            return null;
        }, false));
    }

    /** Reads the figures now; false (and NaN) when OpenSearch does not answer or the index is not there yet. */
    public boolean refresh() {
        if (!index.ready()) {
            return false;
        }
        try (InputStream body = rest.performRequest(new Request("GET", "/" + index.indexName() + "/_stats/docs,store")).getEntity().getContent()) {
            JsonNode all = mapper.readTree(body).path("_all");
            documents = all.path("primaries").path("docs").path("count").asDouble(Double.NaN);
            storeBytes = all.path("total").path("store").path("size_in_bytes").asDouble(Double.NaN);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("index stats not read: %s", e.getMessage());
            documents = Double.NaN;
            storeBytes = Double.NaN;
            return false;
        }
    }

    public double documents() {
        return documents;
    }

    public double storeBytes() {
        return storeBytes;
    }
}
