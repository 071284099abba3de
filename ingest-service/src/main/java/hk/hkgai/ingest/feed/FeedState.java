package hk.hkgai.ingest.feed;

import hk.hkgai.ingest.feed.FetchResult.Validators;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Mutable state of one feed. Each feed's polls are strictly sequential (the next one is scheduled when the
 * previous one finished), so only one thread writes at a time; GET /v1/feeds and the metric gauges read it.
 */
final class FeedState {
    final FeedDefinition feed;
    final SeenEntries seen;
    final CircuitBreaker breaker;
    volatile URI uri;
    volatile Validators validators = Validators.NONE;
    volatile Instant startedAt;
    volatile Instant lastSuccess;
    volatile boolean lastPollOk;
    volatile String lastError;
    volatile Instant nextPoll;
    /** Publication time of the newest item of the last document fetched. */
    volatile Instant newestItem;
    /** SHA-256 of the last unparseable document dead-lettered: the same broken document is reported once. */
    volatile String lastUnparseable;
    FeedMeters meters;

    FeedState(FeedDefinition feed, int seenMax, CircuitBreaker breaker) {
        this.feed = feed;
        this.seen = new SeenEntries(seenMax);
        this.breaker = breaker;
    }

    /** Seconds since the last successful poll (since polling started while there was none yet); 0 before polling. */
    double lagSeconds(Instant now) {
        Instant since = lastSuccess != null ? lastSuccess : startedAt;
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }

    /** Age of the newest item seen in the feed, NaN while unknown. */
    double newestItemAgeSeconds(Instant now) {
        Instant newest = newestItem;
        return newest == null ? Double.NaN : Duration.between(newest, now).toMillis() / 1000.0;
    }

    FeedStatus status() {
        Instant now = Instant.now();
        return new FeedStatus(feed.id(), uri == null ? feed.url() : FeedFetcher.display(uri), feed.source(), feed.format().code(),
                lastPollOk, breaker.state().code(), lastSuccess, lastError, breaker.consecutiveFailures(), nextPoll,
                Math.round(lagSeconds(now)), newestItem, seen.size());
    }
}
