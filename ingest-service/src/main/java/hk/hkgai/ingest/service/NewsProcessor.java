package hk.hkgai.ingest.service;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.feed.FeedList;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the raw topic (channel and consumer group ingest-processor) and publishes the chunks of each item. At least once:
 * the method returns (and SmallRye commits the offset) only after Kafka acknowledged every chunk, or the
 * dead letter; if the broker fails instead, the exception fails the channel (failure-strategy=fail),
 * health goes down and the uncommitted item is consumed again after the restart. Chunk ids are stable,
 * so a replay overwrites downstream instead of duplicating.
 */
@ApplicationScoped
public class NewsProcessor {
    /**
     * The processor's subscription to {@link Topics#NEWS_RAW}. Not the topic name itself: SmallRye refuses
     * one channel name for both directions (SRMSG00073) and this service also produces to that topic.
     * Its {@code topic} attribute is set in application.properties (a test checks it matches Topics).
     */
    public static final String CHANNEL = "ingest-processor";

    private static final Logger LOG = Logger.getLogger(NewsProcessor.class);
    /** Longer than the chunk/DLQ producers' delivery.timeout.ms (30 s): the producer gives up first and says why. */
    private static final long ACK_WAIT_SECONDS = 40;

    private final ItemProcessor processor;
    private final ChunkPublisher chunks;
    private final DeadLetterPublisher deadLetters;
    private final FeedList feeds;
    private final MeterRegistry registry;

    public NewsProcessor(ItemProcessor processor, ChunkPublisher chunks, DeadLetterPublisher deadLetters, FeedList feeds,
                         MeterRegistry registry) {
        this.processor = processor;
        this.chunks = chunks;
        this.deadLetters = deadLetters;
        this.feeds = feeds;
        this.registry = registry;
    }

    // Blocking: jsoup, the tokenizer and the chunker are CPU work and we wait for acks; ordered, so
    // per-partition order holds (and the duplicate window sees items in a stable order).
    @Incoming(CHANNEL)
    @Blocking
    public void process(ConsumerRecord<String, byte[]> record) throws Exception {
        NewsItem item = null;
        ItemProcessor.Result result;
        try {
            item = ItemProcessor.decode(record.value());
            registry.counter("hkgai_ingest_items_received_total", "origin", origin(item)).increment();
            long start = System.nanoTime();
            result = processor.process(item);
            registry.timer("hkgai_ingest_process_seconds").record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (UnprocessableItemException e) {
            deadLetter(record, item, e);
            return;
        } catch (RuntimeException e) {
            // A bug on one item must not stop the pipeline (failure-strategy=fail would make it a poison
            // pill): park the item in the dead-letter topic, replayable once fixed, and say so loudly.
            LOG.errorf(e, "processing %s-%d@%d failed unexpectedly", record.topic(), record.partition(), record.offset());
            deadLetter(record, item, new UnprocessableItemException("processing_error",
                    "processing failed: " + e.getClass().getName() + ": " + e.getMessage(), e));
            return;
        }
        if (result.duplicateOf().isPresent()) {
            // Not a dead letter: nothing is wrong with it, it is already indexed under the other id. Ids and the
            // hash prefix only; the content stays out of the logs.
            LOG.infof("%s dropped: same content (sha256 %s...) as %s", item.getDocId(),
                    result.contentHash().substring(0, 12), result.duplicateOf().get());
            registry.counter("hkgai_ingest_duplicates_dropped_total", "kind", "content").increment();
            feedCounter(item, "hkgai_ingest_feed_items_duplicate_total").increment();
            return;
        }
        result.nearDuplicateOf().ifPresent(other -> {
            registry.counter("hkgai_ingest_near_duplicates_total").increment();
            LOG.debugf("%s is a near-duplicate of %s (cluster %s)", result.item().getDocId(), other,
                    result.chunks().get(0).getClusterId());
        });
        long publishStart = System.nanoTime();
        await(chunks.publish(result.chunks()), "chunks of " + result.item().getDocId());
        registry.timer("hkgai_ingest_chunk_publish_seconds").record(System.nanoTime() - publishStart, java.util.concurrent.TimeUnit.NANOSECONDS);
        registry.counter("hkgai_ingest_chunks_produced_total", "language", result.language().code())
                .increment(result.chunks().size());
        LOG.debugf("%s (%s, %s, %s): %d chunks", result.item().getDocId(), origin(result.item()),
                result.language().code(), result.script().code(), result.chunks().size());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, NewsItem item, UnprocessableItemException e) throws Exception {
        LOG.warnf("dead-lettering %s-%d@%d (key %s, %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), e.reasonCode(), e.getMessage());
        await(deadLetters.publish(record, e), "dead letter of " + record.topic() + "-" + record.partition() + "@" + record.offset());
        registry.counter("hkgai_ingest_dead_letters_total", "reason", e.reasonCode()).increment();
        if (item != null && feeds.isKnown(item.getFeedId())) {
            registry.counter("hkgai_ingest_feed_items_rejected_total", "feed", item.getFeedId(), "reason", e.reasonCode()).increment();
        }
    }

    /** A per-feed counter for feed items, a shared "none" series for everything else. */
    private Counter feedCounter(NewsItem item, String name) {
        return registry.counter(name, "feed", feeds.isKnown(item.getFeedId()) ? item.getFeedId() : "none");
    }

    private static void await(CompletableFuture<Void> acks, String what) throws Exception {
        try {
            acks.get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not accept the " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the " + what + " in " + ACK_WAIT_SECONDS + " s", e);
        }
    }

    private static String origin(NewsItem item) {
        return switch (item.getOrigin()) {
            case "feed", "push" -> item.getOrigin();
            default -> item.getOrigin().isEmpty() ? "unknown" : "other";
        };
    }
}
