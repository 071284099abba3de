package hk.hkgai.ingest.feed;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.config.IngestConfig;
import hk.hkgai.ingest.service.DeadLetterPublisher;
import hk.hkgai.ingest.service.ItemValidator;
import hk.hkgai.ingest.service.NewsPublisher;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.text.DocumentIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Polls every enabled feed on its own interval: conditional GET, parse (by the feed's format), publish new
 * entries to the raw topic. Each feed is an independent chain (the next poll is scheduled when the previous one
 * finished), so a feed that is down or slow only delays itself: exponential backoff while it keeps failing, and
 * a circuit breaker that stops polling it for a cool-down after repeated failures (then one probe decides).
 *
 * <p>What cannot become a raw item is dead-lettered here, so that nothing else of the feed stops: entries too
 * large for the raw topic, entries that are not entries (malformed), and once per distinct document a feed that
 * cannot be parsed at all. Item-level checks that need the item's content (encoding, dates, titles) run in the
 * processor, for feed and pushed items alike.
 *
 * <p>Polling starts once the HTTP server is up, because local feeds are served by this very service
 * ({@code ${self}/fixtures/...}) and its port is only known then (tests use a random one).
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final IngestConfig config;
    private final NewsPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry registry;
    private final Backoff backoff;
    private final ItemValidator validator;
    private final Instance<HttpServer> httpServer;
    private final List<FeedState> feeds;
    private volatile boolean running;
    private ScheduledExecutorService timer;
    private ExecutorService workers;
    private FeedFetcher fetcher;

    public FeedPoller(IngestConfig config, FeedList feedList, NewsPublisher publisher, DeadLetterPublisher deadLetters,
                      MeterRegistry registry, Instance<HttpServer> httpServer) {
        this.config = config;
        this.httpServer = httpServer;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.backoff = new Backoff(config.poller().maxBackoff());
        this.validator = new ItemValidator(config.items().maxChars(), config.items().maxFuture());
        IngestConfig.Circuit circuit = config.poller().circuit();
        this.feeds = feedList.enabled().stream()
                .map(f -> new FeedState(f, config.poller().seenPerFeed(),
                        new CircuitBreaker(circuit.failureThreshold(), circuit.openDuration())))
                .toList();
        feeds.forEach(s -> s.meters = new FeedMeters(registry, s));
        LOG.infof("feed list %s: %d feeds, %d enabled%s", feedList.location(), feedList.all().size(), feeds.size(),
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
        Instant now = Instant.now();
        for (int i = 0; i < feeds.size(); i++) {
            FeedState s = feeds.get(i);
            s.uri = s.feed.resolve(selfBaseUrl);
            s.startedAt = now;
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
            out.add(s.status());
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
        Instant now = Instant.now();
        if (!s.breaker.tryAcquire(now)) {
            schedule(s, s.breaker.remainingOpen(now)); // not normally reached: polls are scheduled after the cool-down
            return;
        }
        s.meters.polls.increment();
        long start = System.nanoTime();
        CompletableFuture<FetchResult> fetch;
        try {
            fetch = fetcher.fetch(s.uri, s.validators);
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        fetch.whenComplete((result, error) -> s.meters.fetchDuration(Duration.ofNanos(System.nanoTime() - start),
                error != null ? "error" : result instanceof FetchResult.NotModified ? "not_modified" : "ok"));
        CompletableFuture<Integer> outcome;
        try {
            outcome = fetch.thenComposeAsync(result -> handle(s, result), workers);
        } catch (RejectedExecutionException e) {
            outcome = CompletableFuture.failedFuture(e); // shutting down
        }
        outcome.whenComplete((published, error) -> afterPoll(s, published, error));
    }

    private CompletableFuture<Integer> handle(FeedState s, FetchResult result) {
        if (result instanceof FetchResult.NotModified) {
            s.meters.notModified.increment();
            return CompletableFuture.completedFuture(0);
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        ParsedFeed parsed;
        try {
            parsed = FeedParser.parse(s.feed, s.uri, fetched.body(), fetched.contentType(), Instant.now());
        } catch (FeedFetchException e) {
            deadLetterDocument(s, fetched, e);
            throw e;
        }
        s.meters.fetched.increment(parsed.items().size());
        parsed.items().stream().map(i -> Protos.instant(i.getPublishedAt())).max(Comparator.naturalOrder())
                .ifPresent(newest -> s.newestItem = newest);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        AtomicInteger published = new AtomicInteger();
        for (NewsItem item : parsed.items()) {
            String hash = DocumentIds.contentHash(item.getTitle(), item.getText());
            if (!s.seen.isNew(item.getDocId(), hash)) {
                continue;
            }
            CompletableFuture<Void> send;
            if (validator.tooLarge(item)) {
                send = deadLetterTooLarge(s, item);
            } else {
                send = publisher.publish(item).thenRun(() -> {
                    s.meters.published.increment();
                    published.incrementAndGet();
                });
            }
            sends.add(send.thenRun(() -> s.seen.remember(item.getDocId(), hash)));
        }
        for (ParsedFeed.Rejected r : parsed.rejected()) {
            if (s.seen.isNew(r.key(), r.reasonCode())) {
                sends.add(deadLetters.publish(r.key(), r.payload(), r.reasonCode(), r.reason(), feedHeaders(s))
                        .thenRun(() -> {
                            s.meters.rejected(r.reasonCode());
                            s.seen.remember(r.key(), r.reasonCode());
                            LOG.warnf("feed %s: entry dead-lettered (%s): %s", s.feed.id(), r.reasonCode(), r.reason());
                        }));
            }
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((ok, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new FeedFetchException("publish", "could not publish to Kafka: " + cause.getMessage(), cause);
            }
            // Only now: if an item failed, the next poll must get a 200 (not a 304) to retry it.
            s.validators = fetched.validators();
            return published.get();
        });
    }

    /**
     * An entry too large for the raw topic: dead-lettered here, cut to the limit (the dead-letter topic has the
     * same message size limit); headers say how long it really was.
     */
    private CompletableFuture<Void> deadLetterTooLarge(FeedState s, NewsItem item) {
        int max = validator.maxChars();
        int chars = item.getTitle().length() + item.getText().length();
        String reason = "title and text are " + chars + " characters, more than the limit of " + max;
        String text = item.getText();
        int keep = Math.max(0, max - item.getTitle().length());
        if (text.length() > keep) {
            int cut = keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1)) ? keep - 1 : keep;
            text = text.substring(0, cut);
        }
        Map<String, String> headers = feedHeaders(s);
        headers.put("original-chars", Integer.toString(chars));
        headers.put("truncated", "true");
        return deadLetters.publish(item.getDocId(), item.toBuilder().setText(text).build().toByteArray(), "too_large", reason, headers)
                .thenRun(() -> {
                    s.meters.rejected("too_large");
                    LOG.warnf("feed %s: %s dead-lettered (too_large): %s", s.feed.id(), item.getDocId(), reason);
                });
    }

    /**
     * A document that cannot be parsed at all: the poll fails (backoff, circuit) and, once per distinct
     * document, its first bytes go to the dead-letter topic so that someone can see what the server sent.
     * Best effort: a failure to dead-letter it changes nothing about the poll's failure.
     */
    private void deadLetterDocument(FeedState s, FetchResult.Fetched fetched, FeedFetchException e) {
        if (!"parse".equals(e.reason())) {
            return;
        }
        String sha = sha256(fetched.body());
        if (sha.equals(s.lastUnparseable)) {
            return;
        }
        int max = config.poller().deadLetterBodyBytes();
        byte[] body = fetched.body();
        Map<String, String> headers = feedHeaders(s);
        headers.put("content-type", fetched.contentType().orElse(""));
        headers.put("document-bytes", Integer.toString(body.length));
        headers.put("document-sha256", sha);
        headers.put("truncated", Boolean.toString(body.length > max));
        deadLetters.publish(s.feed.id(), body.length > max ? Arrays.copyOf(body, max) : body, "feed_unparseable",
                        e.getMessage(), headers)
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        s.lastUnparseable = sha;
                        registry.counter("hkgai_ingest_dead_letters_total", "reason", "feed_unparseable").increment();
                    } else {
                        LOG.debugf("feed %s: could not dead-letter the unparseable document: %s", s.feed.id(), error);
                    }
                });
    }

    private Map<String, String> feedHeaders(FeedState s) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("source", "feed");
        headers.put("feed-id", s.feed.id());
        headers.put("feed-url", FeedFetcher.display(s.uri));
        return headers;
    }

    private void afterPoll(FeedState s, Integer published, Throwable error) {
        if (!running) {
            return; // shutting down: the failure is ours (server closing), not the feed's
        }
        Duration next;
        Instant now = Instant.now();
        if (error == null) {
            int failed = s.breaker.consecutiveFailures();
            if (failed > 0) {
                LOG.infof("feed %s: recovered after %d failed polls", s.feed.id(), failed);
            }
            s.breaker.onSuccess();
            s.lastPollOk = true;
            s.lastError = null;
            s.lastSuccess = now;
            if (published != null && published > 0) {
                LOG.debugf("feed %s: %d new or changed entries published", s.feed.id(), published);
            }
            next = s.feed.interval();
        } else {
            FeedFetchException f = asFetchException(error);
            CircuitBreaker.State before = s.breaker.state();
            CircuitBreaker.State state = s.breaker.onFailure(now);
            s.lastPollOk = false;
            s.lastError = f.reason() + ": " + f.getMessage();
            s.meters.failure(f.reason());
            int failures = s.breaker.consecutiveFailures();
            if (state == CircuitBreaker.State.OPEN) {
                next = s.breaker.remainingOpen(now);
                if (before == CircuitBreaker.State.HALF_OPEN) {
                    LOG.infof("feed %s: probe failed (%s), circuit stays open; next probe in %s", s.feed.id(), f.getMessage(), human(next));
                } else {
                    LOG.warnf("feed %s: circuit open after %d failed polls (%s); next probe in %s", s.feed.id(), failures,
                            f.getMessage(), human(next));
                }
            } else {
                next = backoff.next(s.feed.interval(), failures);
                // One line per failed poll, no stack trace: a dead feed is an operational fact, not a bug.
                LOG.warnf("feed %s: %s (%d failed polls in a row, next try in %s)", s.feed.id(), f.getMessage(),
                        failures, human(next));
            }
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

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
