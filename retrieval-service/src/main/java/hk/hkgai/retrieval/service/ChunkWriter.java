package hk.hkgai.retrieval.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Bulk-writes chunks with their chunk_id as _id, so a replay overwrites instead of duplicating.
 * Transient failures (connection, 429, 5xx) are retried with backoff until OpenSearch takes the batch;
 * this blocks the consumer, which is the backpressure we want. A document OpenSearch rejects for good
 * (4xx, e.g. a mapping conflict) is logged and counted, not retried forever.
 */
@ApplicationScoped
public class ChunkWriter {
    private static final Logger LOG = Logger.getLogger(ChunkWriter.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final OpenSearchClient client;
    private final IndexManager index;
    private final Counter indexed;
    private final Counter rejected;
    private final Timer bulkTimer;

    public ChunkWriter(OpenSearchClient client, IndexManager index, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.indexed = registry.counter("hkgai_retrieval_chunks_indexed_total");
        this.rejected = registry.counter("hkgai_retrieval_chunks_rejected_total");
        this.bulkTimer = registry.timer("hkgai_retrieval_bulk_seconds");
    }

    public void writeUntilAccepted(List<ChunkDocument> docs) {
        List<ChunkDocument> pending = docs;
        long backoff = 250;
        while (!pending.isEmpty()) {
            try {
                index.ensureIndex();
                pending = bulk(pending);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("bulk of %d chunks failed (%s); retrying in %d ms", pending.size(), e.getMessage(), backoff);
            }
            if (!pending.isEmpty()) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /**
     * Adds vectors to chunks that were indexed without one. A chunk deleted or re-indexed meanwhile is skipped
     * (a 404, or the new version already has its vector): the update is best effort, the next backfill retries.
     */
    public int addEmbeddings(List<ChunkDocument> docs) throws IOException {
        BulkRequest.Builder req = new BulkRequest.Builder().index(index.indexName());
        for (ChunkDocument d : docs) {
            java.util.Map<String, Object> partial = java.util.Map.of("embedding", d.embedding(), "embedded", true);
            req.operations(op -> op.update(u -> u.id(d.chunkId()).document(partial)));
        }
        BulkResponse response = client.bulk(req.build());
        int updated = 0;
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                updated++;
            }
        }
        return updated;
    }

    /**
     * A document re-ingested with fewer chunks (new text, or a changed chunk size) would keep its old
     * higher-numbered chunks: delete those, by doc_id and chunk_index >= chunk_count. Best effort (a failure is
     * logged): the next write of the document tries again.
     */
    private void dropStaleChunks(List<ChunkDocument> docs) {
        List<org.opensearch.client.opensearch._types.query_dsl.Query> stale = new ArrayList<>();
        for (ChunkDocument d : docs) {
            if (d.chunkIndex() == 0 && d.chunkCount() > 0) {
                stale.add(org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("doc_id").value(v -> v.stringValue(d.docId()))))
                        .filter(f -> f.range(r -> r.field("chunk_index").gte(org.opensearch.client.json.JsonData.of(d.chunkCount())))))));
            }
        }
        for (int i = 0; i < stale.size(); i += 500) {
            List<org.opensearch.client.opensearch._types.query_dsl.Query> part = stale.subList(i, Math.min(stale.size(), i + 500));
            try {
                // Search, then delete by id: _delete_by_query needs the reindex module, which a minimal node lacks.
                List<String> ids = client.search(r -> r.index(index.indexName()).size(10_000).source(src -> src.fetch(false))
                                .query(q -> q.bool(b -> b.should(part).minimumShouldMatch("1"))), Void.class)
                        .hits().hits().stream().map(org.opensearch.client.opensearch.core.search.Hit::id).toList();
                if (!ids.isEmpty()) {
                    BulkRequest.Builder delete = new BulkRequest.Builder().index(index.indexName());
                    ids.forEach(id -> delete.operations(op -> op.delete(d -> d.id(id))));
                    client.bulk(delete.build());
                    LOG.infof("deleted %d chunks left over from earlier versions of re-ingested documents", ids.size());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("could not delete stale chunks (%s); they go with the next write of their documents", e.getMessage());
            }
        }
    }

    /** Returns the documents that should be retried. */
    private List<ChunkDocument> bulk(List<ChunkDocument> docs) throws IOException {
        // The concrete index, not the alias: during a version switch each indexer fills its own version.
        BulkRequest.Builder req = new BulkRequest.Builder().index(index.indexName());
        for (ChunkDocument d : docs) {
            req.operations(op -> op.index(i -> i.id(d.chunkId()).document(d)));
        }
        long start = System.nanoTime();
        BulkResponse response = client.bulk(req.build());
        bulkTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (!response.errors()) {
            indexed.increment(docs.size());
            dropStaleChunks(docs);
            return List.of();
        }
        List<ChunkDocument> retry = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                indexed.increment();
            } else if (item.status() == 429 || item.status() >= 500) {
                retry.add(docs.get(i));
            } else {
                rejected.increment();
                LOG.errorf("OpenSearch rejected chunk %s: %s", item.id(), item.error().reason());
            }
        }
        return retry;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
        }
    }
}
