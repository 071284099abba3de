package hk.hkgai.retrieval.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.retrieval.embedding.EmbeddingModel;
import hk.hkgai.retrieval.service.ChunkDocument;
import hk.hkgai.retrieval.service.ChunkWriter;
import hk.hkgai.retrieval.service.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes chunk batches, embeds the chunks that arrive without a vector, and writes them to OpenSearch.
 * Offsets are committed only after this method returns, i.e. after OpenSearch acknowledged the batch, so a
 * crash replays (idempotently, chunk_id is the _id) instead of losing. When the embedding model is not loaded
 * the chunks are indexed lexically at once (freshness first) and {@code EmbeddingBackfill} adds vectors later.
 */
@ApplicationScoped
public class ChunkIndexer {
    private static final Logger LOG = Logger.getLogger(ChunkIndexer.class);

    private final ChunkWriter writer;
    private final EmbeddingModel model;
    private final Counter malformed;
    private final Counter withoutVector;

    public ChunkIndexer(ChunkWriter writer, EmbeddingModel model, MeterRegistry registry) {
        this.writer = writer;
        this.model = model;
        this.malformed = registry.counter("hkgai_retrieval_chunks_malformed_total");
        this.withoutVector = registry.counter("hkgai_retrieval_chunks_without_vector_total");
    }

    @Incoming(Topics.NEWS_CHUNKS)
    @Blocking(ordered = true)
    public void index(ConsumerRecords<String, byte[]> records) {
        List<ChunkDocument> docs = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                docs.add(toDocument(Chunk.parseFrom(r.value())));
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                // The producer is ours; a record we cannot read is skipped and counted, not retried forever.
                malformed.increment();
                LOG.warnf("skipping unreadable chunk at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        if (!docs.isEmpty()) {
            writer.writeUntilAccepted(embedMissing(docs));
        }
    }

    private List<ChunkDocument> embedMissing(List<ChunkDocument> docs) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).embedding() == null) {
                missing.add(i);
            }
        }
        Optional<BgeEmbedder> embedder = model.embedder();
        if (missing.isEmpty() || embedder.isEmpty()) {
            if (model.enabled()) {
                withoutVector.increment(missing.size());
            }
            return docs;
        }
        List<ChunkDocument> out = new ArrayList<>(docs);
        try {
            float[][] vectors = model.embed(embedder.get(), missing.stream().map(i -> docs.get(i).embeddingInput()).toList());
            for (int j = 0; j < missing.size(); j++) {
                out.set(missing.get(j), docs.get(missing.get(j)).withEmbedding(vectors[j]));
            }
        } catch (RuntimeException e) {
            withoutVector.increment(missing.size());
            LOG.warnf("embedding %d chunks failed (%s); indexing them lexically, the backfill adds vectors later",
                    missing.size(), e.getMessage());
        }
        return out;
    }

    static ChunkDocument toDocument(Chunk c) {
        if (c.getChunkId().isBlank() || c.getDocId().isBlank()) {
            throw new IllegalArgumentException("chunk without chunk_id or doc_id");
        }
        float[] vector = null;
        if (c.getEmbeddingCount() > 0) {
            if (c.getEmbeddingCount() != BgeEmbedder.DIMENSIONS) {
                throw new IllegalArgumentException("embedding has " + c.getEmbeddingCount() + " dimensions, not " + BgeEmbedder.DIMENSIONS);
            }
            vector = new float[c.getEmbeddingCount()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = c.getEmbedding(i);
            }
        }
        return new ChunkDocument(c.getDocId(), c.getChunkId(), c.getChunkIndex(), c.getChunkCount(), c.getTitle(),
                c.getText(), c.getUrl(), c.getSource(), c.getLanguage(), emptyToNull(c.getScript()),
                c.hasPublishedAt() ? Timestamps.iso(c.getPublishedAt()) : null,
                c.hasIngestedAt() ? Timestamps.iso(c.getIngestedAt()) : null,
                c.getContentHash(), c.getClusterId().isBlank() ? c.getDocId() : c.getClusterId(),
                c.getSimhash() == 0 ? null : String.format("%016x", c.getSimhash()),
                c.getTokenCount() == 0 ? null : c.getTokenCount(), vector != null, vector);
    }

    private static String emptyToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
