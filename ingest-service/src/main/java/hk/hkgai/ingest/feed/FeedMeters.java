package hk.hkgai.ingest.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * The per-feed metrics (tag {@code feed}). Counters: polls, 304s, entries fetched, entries published (new or
 * changed), entries rejected by the poller (reason). Gauges: healthy (1/0), circuit state (0 closed, 1
 * half-open, 2 open), lag (seconds since the last successful poll), age of the newest item, last success,
 * consecutive failures. Timer: fetch duration (outcome ok | not_modified | error; Prometheus:
 * hkgai_ingest_feed_fetch_duration_seconds_{count,sum,max}).
 */
final class FeedMeters {
    final Counter polls;
    final Counter notModified;
    final Counter fetched;
    final Counter published;
    private final MeterRegistry registry;
    private final String feedId;

    FeedMeters(MeterRegistry registry, FeedState s) {
        this.registry = registry;
        this.feedId = s.feed.id();
        polls = registry.counter("hkgai_ingest_feed_polls_total", "feed", feedId);
        notModified = registry.counter("hkgai_ingest_feed_not_modified_total", "feed", feedId);
        fetched = registry.counter("hkgai_ingest_feed_items_fetched_total", "feed", feedId);
        published = registry.counter("hkgai_ingest_feed_items_published_total", "feed", feedId);
        Gauge.builder("hkgai_ingest_feed_last_success_seconds", s,
                        st -> st.lastSuccess == null ? 0 : st.lastSuccess.toEpochMilli() / 1000.0)
                .tag("feed", feedId).description("Epoch seconds of the last successful poll (0: none yet)")
                .register(registry);
        Gauge.builder("hkgai_ingest_feed_consecutive_failures", s, st -> st.breaker.consecutiveFailures())
                .tag("feed", feedId).register(registry);
        Gauge.builder("hkgai_ingest_feed_healthy", s, st -> st.lastPollOk ? 1 : 0)
                .tag("feed", feedId).description("1 when the last poll succeeded, else 0").register(registry);
        Gauge.builder("hkgai_ingest_feed_circuit_state", s, st -> st.breaker.state().gauge())
                .tag("feed", feedId).description("0 closed, 1 half-open, 2 open").register(registry);
        Gauge.builder("hkgai_ingest_feed_lag_seconds", s, st -> st.lagSeconds(Instant.now()))
                .tag("feed", feedId).description("Seconds since the last successful poll").register(registry);
        Gauge.builder("hkgai_ingest_feed_newest_item_age_seconds", s, st -> st.newestItemAgeSeconds(Instant.now()))
                .tag("feed", feedId).description("Age of the newest item the feed listed (NaN: unknown)").register(registry);
    }

    void fetchDuration(Duration d, String outcome) {
        Timer.builder("hkgai_ingest_feed_fetch_duration").tag("feed", feedId).tag("outcome", outcome)
                .register(registry).record(d);
    }

    void rejected(String reason) {
        registry.counter("hkgai_ingest_feed_items_rejected_total", "feed", feedId, "reason", reason).increment();
        registry.counter("hkgai_ingest_dead_letters_total", "reason", reason).increment();
    }

    void failure(String reason) {
        registry.counter("hkgai_ingest_feed_poll_failures_total", "feed", feedId, "reason", reason).increment();
    }
}
