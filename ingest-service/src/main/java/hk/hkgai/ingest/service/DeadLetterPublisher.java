package hk.hkgai.ingest.service;

import hk.hkgai.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends what can never be processed to the dead-letter topic, with the why in headers. Published by us rather
 * than by SmallRye's dead-letter-queue strategy so that only unprocessable things land there; a broker failure
 * while writing chunks is retried instead.
 *
 * <p>Two producers of dead letters:
 * <ul>
 *   <li>the processor: a raw record, its original key and bytes untouched (replayable once fixed), plus
 *       {@code source-topic}, {@code source-partition}, {@code source-offset};</li>
 *   <li>the poller: feed items that must not reach the raw topic (too large for it, malformed entries), keyed by
 *       doc id, and whole feed documents that cannot be parsed ({@code feed_unparseable}, keyed by feed id, the
 *       first bytes of the document as value), plus {@code source=feed}, {@code feed-id}, {@code feed-url}.</li>
 * </ul>
 * Always: {@code reason} (for people), {@code reason-code} (machine-readable: unparseable, invalid_doc_id,
 * empty_text, bad_encoding, too_large, future_date, html_in_title, malformed_entry, feed_unparseable,
 * processing_error).
 */
@ApplicationScoped
public class DeadLetterPublisher {
    public static final String REASON = "reason";
    public static final String REASON_CODE = "reason-code";

    private final Emitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel(Topics.NEWS_DEAD_LETTER) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                               Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** A raw record the processor cannot process. */
    public CompletableFuture<Void> publish(ConsumerRecord<String, byte[]> record, UnprocessableItemException why) {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("source-topic", record.topic());
        source.put("source-partition", Integer.toString(record.partition()));
        source.put("source-offset", Long.toString(record.offset()));
        return publish(record.key(), record.value(), why.reasonCode(), why.getMessage(), source);
    }

    /** Anything else: {@code headers} say where it came from. */
    public CompletableFuture<Void> publish(String key, byte[] value, String reasonCode, String reason, Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        kafkaHeaders.add(REASON, utf8(reason));
        kafkaHeaders.add(REASON_CODE, utf8(reasonCode));
        headers.forEach((name, v) -> kafkaHeaders.add(name, utf8(v)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(kafkaHeaders)
                .build();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            emitter.send(Message.of(value == null ? new byte[0] : value, Metadata.of(metadata),
                    () -> {
                        done.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    error -> {
                        done.completeExceptionally(error);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
