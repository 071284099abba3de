package hk.hkgai.retrieval.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.retrieval.service.ChunkDocument;
import hk.hkgai.retrieval.service.ChunkWriter;
import hk.hkgai.retrieval.service.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes chunk batches and writes them to OpenSearch. Offsets are committed only after this method
 * returns, i.e. after OpenSearch acknowledged the batch, so a crash replays (idempotently) instead of losing.
 */
@ApplicationScoped
public class ChunkIndexer {
    private static final Logger LOG = Logger.getLogger(ChunkIndexer.class);

    private final ChunkWriter writer;
    private final Counter malformed;

    public ChunkIndexer(ChunkWriter writer, MeterRegistry registry) {
        this.writer = writer;
        this.malformed = registry.counter("hkgai_retrieval_chunks_malformed_total");
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
            writer.writeUntilAccepted(docs);
        }
    }

    static ChunkDocument toDocument(Chunk c) {
        if (c.getChunkId().isBlank() || c.getDocId().isBlank()) {
            throw new IllegalArgumentException("chunk without chunk_id or doc_id");
        }
        return new ChunkDocument(c.getDocId(), c.getChunkId(), c.getChunkIndex(), c.getChunkCount(), c.getTitle(),
                c.getText(), c.getUrl(), c.getSource(), c.getLanguage(),
                c.hasPublishedAt() ? Timestamps.iso(c.getPublishedAt()) : null,
                c.hasIngestedAt() ? Timestamps.iso(c.getIngestedAt()) : null,
                c.getContentHash());
    }
}
