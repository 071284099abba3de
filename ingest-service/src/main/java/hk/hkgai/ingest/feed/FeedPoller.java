package hk.hkgai.ingest.feed;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.config.IngestConfig;
import hk.hkgai.ingest.feed.FetchResult.Validators;
import hk.hkgai.ingest.service.NewsPublisher;
import hk.hkgai.text.DocumentIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Polls every enabled feed on its own interval: conditional GET, parse, publish new entries to the raw
 * topic. Each feed is an independent chain (the next poll is scheduled when the previous one finished),
 * so a feed that is down or slow only delays itself, with exponential backoff while it keeps failing.
 *
 * <p>Polling starts once the HTTP server is up, because local feeds are served by this very service
 * ({@code ${self}/fixtures/...}) and its port is only known then (tests use a random one).
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final IngestConfig config;
    private final NewsPublisher publisher;
    private final MeterRegistry registry;
    private final Backoff backoff;
    private final Instance<HttpServer> httpServer;
    private final List<FeedState> feeds;
    private volatile boolean running;
    private ScheduledExecutorService timer;
    private ExecutorService workers;
    private FeedFetcher fetcher;

    public FeedPoller(IngestConfig config, NewsPublisher publisher, MeterRegistry registry, Instance<HttpServer> httpServer) {
        this.config = config;
        this.httpServer = httpServer;
        this.publisher = publisher;
        this.registry = registry;
        this.backoff = new Backoff(config.poller().maxBackoff());
        List<FeedDefinition> definitions = FeedCatalog.load(config.feedsFile());
        this.feeds = definitions.stream()
                .filter(FeedDefinition::enabled)
                .map(f -> new FeedState(f, config.poller().seenPerFeed()))
                .toList();
        feeds.forEach(this::registerGauges);
        LOG.infof("feed list %s: %d feeds, %d enabled%s", config.feedsFile(), definitions.size(), feeds.size(),
                config.poller().enabled() ? "" : " (polling disabled)");
    }

    /** Instantiates the bean at startup so a broken feed list fails the start, not the first poll. */
    void validateAtStartup(@Observes StartupEvent event) {
        LOG.debugf("%d feeds configured", feeds.size());
    }

    /** Fired (asynchronously) once the HTTP server listens; its actual port is known from then on. */
    void onHttpStart(@ObservesAsync HttpServerStart event) {
        String host = event.options().getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        // Not event.options().getPort(): with port 0 (tests) that is the requested port, not the bound one.
        start(config.selfBaseUrl().orElse("http://" + host + ":" + httpServer.get().getPort()));
    }

    synchronized void start(String selfBaseUrl) {
        if (running || !config.poller().enabled() || feeds.isEmpty()) {
            return;
        }
        IngestConfig.Poller p = config.poller();
        timer = Executors.newSingleThreadScheduledExecutor(daemon("feed-timer"));
        workers = Executors.newFixedThreadPool(p.threads(), daemon("feed-worker"));
        fetcher = new FeedFetcher(p.connectTimeout(), p.requestTimeout(), p.maxFeedBytes(), p.userAgent(), null);
        running = true;
        for (int i = 0; i < feeds.size(); i++) {
            FeedState s = feeds.get(i);
            s.uri = s.feed.resolve(selfBaseUrl);
            // Spread the first polls a little so N feeds do not all start in the same millisecond.
            schedule(s, p.initialDelay().plusMillis(100L * i));
        }
        LOG.infof("polling %d feeds (${self} = %s)", feeds.size(), selfBaseUrl);
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
            workers.shutdownNow();
        }
    }

    public List<FeedStatus> status() {
        List<FeedStatus> out = new ArrayList<>();
        for (FeedState s : feeds) {
            out.add(new FeedStatus(s.feed.id(), s.uri == null ? s.feed.url() : s.uri.toString(), s.feed.source(),
                    s.lastSuccess, s.lastError, s.consecutiveFailures, s.nextPoll, s.seen.size()));
        }
        out.sort(Comparator.comparing(FeedStatus::id));
        return out;
    }

    private void schedule(FeedState s, Duration delay) {
        if (!running) {
            return;
        }
        s.nextPoll = Instant.now().plus(delay);
        try {
            timer.schedule(() -> poll(s), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void poll(FeedState s) {
        if (!running) {
            return;
        }
        s.polls.increment();
        CompletableFuture<Integer> outcome;
        try {
            outcome = fetcher.fetch(s.uri, s.validators).thenComposeAsync(result -> handle(s, result), workers);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((published, error) -> afterPoll(s, published, error));
    }

    private CompletableFuture<Integer> handle(FeedState s, FetchResult result) {
        if (result instanceof FetchResult.NotModified) {
            s.notModified.increment();
            return CompletableFuture.completedFuture(0);
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        List<NewsItem> items = FeedParser.parse(s.feed, s.uri, fetched.body(), fetched.contentType(), Instant.now());
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (NewsItem item : items) {
            String hash = DocumentIds.contentHash(item.getTitle(), item.getText());
            if (!s.seen.isNew(item.getDocId(), hash)) {
                continue;
            }
            sends.add(publisher.publish(item).thenRun(() -> {
                s.seen.remember(item.getDocId(), hash);
                s.published.increment();
            }));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((ok, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new FeedFetchException("publish", "could not publish to Kafka: " + cause.getMessage(), cause);
            }
            // Only now: if an item failed, the next poll must get a 200 (not a 304) to retry it.
            s.validators = fetched.validators();
            return sends.size();
        });
    }

    private void afterPoll(FeedState s, Integer published, Throwable error) {
        if (!running) {
            return; // shutting down: the failure is ours (server closing), not the feed's
        }
        Duration next;
        if (error == null) {
            if (s.consecutiveFailures > 0) {
                LOG.infof("feed %s: recovered after %d failed polls", s.feed.id(), s.consecutiveFailures);
            }
            s.consecutiveFailures = 0;
            s.lastError = null;
            s.lastSuccess = Instant.now();
            if (published != null && published > 0) {
                LOG.debugf("feed %s: %d new or changed entries published", s.feed.id(), published);
            }
            next = s.feed.interval();
        } else {
            FeedFetchException f = asFetchException(error);
            s.consecutiveFailures++;
            s.lastError = f.reason() + ": " + f.getMessage();
            registry.counter("hkgai_ingest_feed_poll_failures_total", "feed", s.feed.id(), "reason", f.reason()).increment();
            next = backoff.next(s.feed.interval(), s.consecutiveFailures);
            // One line per failed poll, no stack trace: a dead feed is an operational fact, not a bug.
            LOG.warnf("feed %s: %s (%d failed polls in a row, next try in %s)", s.feed.id(), f.getMessage(),
                    s.consecutiveFailures, human(next));
        }
        schedule(s, next);
    }

    private static FeedFetchException asFetchException(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof FeedFetchException f) {
            return f;
        }
        return new FeedFetchException("io", e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    private void registerGauges(FeedState s) {
        String id = s.feed.id();
        s.polls = registry.counter("hkgai_ingest_feed_polls_total", "feed", id);
        s.notModified = registry.counter("hkgai_ingest_feed_not_modified_total", "feed", id);
        s.published = registry.counter("hkgai_ingest_feed_items_published_total", "feed", id);
        Gauge.builder("hkgai_ingest_feed_last_success_seconds", s,
                        st -> st.lastSuccess == null ? 0 : st.lastSuccess.toEpochMilli() / 1000.0)
                .tag("feed", id).description("Epoch seconds of the last successful poll (0: none yet)")
                .register(registry);
        Gauge.builder("hkgai_ingest_feed_consecutive_failures", s, st -> st.consecutiveFailures)
                .tag("feed", id).register(registry);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Mutable state of one feed; each feed's polls are sequential, the fields are read by status(). */
    static final class FeedState {
        final FeedDefinition feed;
        final SeenEntries seen;
        volatile URI uri;
        volatile Validators validators = Validators.NONE;
        volatile int consecutiveFailures;
        volatile Instant lastSuccess;
        volatile String lastError;
        volatile Instant nextPoll;
        Counter polls;
        Counter notModified;
        Counter published;

        FeedState(FeedDefinition feed, int seenMax) {
            this.feed = feed;
            this.seen = new SeenEntries(seenMax);
        }
    }
}
