package hk.hkgai.ingest.service;

import hk.hkgai.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends a raw record that can never be processed to the dead-letter topic: the original key and bytes
 * untouched (so it can be replayed once fixed), the why in headers. Published by us rather than by
 * SmallRye's dead-letter-queue strategy so that only unprocessable items land there; a broker failure
 * while writing chunks is retried instead.
 *
 * <p>Headers: {@code reason} (human-readable), {@code reason-code} (unparseable, invalid_doc_id,
 * empty_text, processing_error), {@code source-topic}, {@code source-partition}, {@code source-offset}.
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

    public CompletableFuture<Void> publish(ConsumerRecord<String, byte[]> record, UnprocessableItemException why) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, utf8(why.getMessage()));
        headers.add(REASON_CODE, utf8(why.reasonCode()));
        headers.add("source-topic", utf8(record.topic()));
        headers.add("source-partition", utf8(Integer.toString(record.partition())));
        headers.add("source-offset", utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        try {
            emitter.send(Message.of(value, Metadata.of(metadata),
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
