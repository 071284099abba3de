package hk.hkgai.ingest.service;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Writes chunks to the chunks topic keyed by doc_id, so one document's chunks share a partition and stay in order. */
@ApplicationScoped
public class ChunkPublisher {
    private final Emitter<Record<String, byte[]>> emitter;

    public ChunkPublisher(@Channel(Topics.NEWS_CHUNKS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                          Emitter<Record<String, byte[]>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged every chunk. */
    public CompletableFuture<Void> publish(List<Chunk> chunks) {
        CompletableFuture<?>[] sends = new CompletableFuture<?>[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            try {
                sends[i] = emitter.send(Record.of(c.getDocId(), c.toByteArray())).toCompletableFuture();
            } catch (RuntimeException e) {
                sends[i] = CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.allOf(sends);
    }
}
