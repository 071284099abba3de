package hk.hkgai.ingest.service;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.NewsItem;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes NewsItems to the raw topic, keyed by doc_id. The channel's producer runs with acks=all and
 * idempotence (application.properties): the returned future completes only once the broker has the item.
 */
@ApplicationScoped
public class NewsPublisher {
    private final Emitter<Record<String, byte[]>> emitter;

    public NewsPublisher(@Channel(Topics.NEWS_RAW) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                         Emitter<Record<String, byte[]>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged the item; fails (never throws) when it could not be written. */
    public CompletableFuture<Void> publish(NewsItem item) {
        try {
            return emitter.send(Record.of(item.getDocId(), item.toByteArray())).toCompletableFuture();
        } catch (RuntimeException e) {
            // Emitter buffer full or channel down: report like a failed send.
            return CompletableFuture.failedFuture(e);
        }
    }
}
