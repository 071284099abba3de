package hk.hkgai.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed- and open-loop load over an asynchronous call. Asynchronous on purpose: 200 or 600 "clients" are 200 or
 * 600 chains of callbacks on a few threads, not as many blocked threads, so that the load generator, which shares
 * the machine's cores with the whole mesh, stays light (its own CPU use is reported beside every phase).
 */
public final class Load {
    /** A status that is not HTTP's: the connection failed or was refused. */
    public static final int CONNECTION_ERROR = -1;
    /** A status that is not HTTP's: no answer within the client's timeout. */
    public static final int TIMEOUT = -2;
    /** After a connection error a client waits this long before its next request, so a dead server is not spun on. */
    private static final long ERROR_PAUSE_MS = 10;

    private static final ScheduledExecutorService LOOP = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-loop");
        t.setDaemon(true);
        return t;
    });

    private Load() {
    }

    /** One request's outcome: an HTTP status (gRPC codes mapped onto HTTP's), and the Retry-After asked for. */
    public record Outcome(int status, long retryAfterMs) {
        public static final Outcome OK = new Outcome(200, 0);
    }

    /** One request; must not throw: failures complete the future with an {@link Outcome}. */
    @FunctionalInterface
    public interface Target {
        CompletableFuture<Outcome> call(long seq);
    }

    /** One request as measured: its status, when it started (ms after the measured window opened) and its latency. */
    public record Sample(int status, double startMs, double latencyMs) {
    }

    /** What one group of clients measured in one phase. */
    public static final class Tally {
        private final List<Sample> samples = new ArrayList<>();
        private final AtomicLong completedInWindow = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private double seconds;

        synchronized void add(Sample s) {
            samples.add(s);
        }

        public synchronized List<Sample> samples() {
            return List.copyOf(samples);
        }

        /** Requests that completed within the measured window, per second. */
        public double rps() {
            return seconds <= 0 ? 0 : completedInWindow.get() / seconds;
        }

        public double seconds() {
            return seconds;
        }

        public long dropped() {
            return dropped.get();
        }

        public List<Double> latencies(boolean ok) {
            return samples().stream().filter(s -> (s.status() == 200) == ok).map(Sample::latencyMs).toList();
        }

        public long count(int status) {
            return samples().stream().filter(s -> s.status() == status).count();
        }

        public long total() {
            return samples().size();
        }

        public double okPercent() {
            long n = total();
            return n == 0 ? 0 : 100.0 * count(200) / n;
        }

        /** Counts per status: "200", "429", "503", "connection_error", "timeout", ... */
        public Map<String, Long> statuses() {
            Map<Integer, Long> byCode = new TreeMap<>();
            for (Sample s : samples()) {
                byCode.merge(s.status(), 1L, Long::sum);
            }
            Map<String, Long> out = new LinkedHashMap<>();
            byCode.forEach((code, n) -> out.put(statusName(code), n));
            return out;
        }

        /** Throughput, statuses and latency of the successful requests. */
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", total());
            m.put("rps", Stats.round(rps()));
            m.put("ok_pct", Stats.round(okPercent()));
            m.put("statuses", statuses());
            m.put("latency_ms", latency(latencies(true)));
            if (dropped() > 0) {
                m.put("stopped_at_in_flight_cap", true);
            }
            return m;
        }
    }

    public static String statusName(int code) {
        return switch (code) {
            case CONNECTION_ERROR -> "connection_error";
            case TIMEOUT -> "timeout";
            default -> Integer.toString(code);
        };
    }

    /** p50/p90/p99/max/mean in ms (nearest rank); only n when there is nothing to summarize. */
    public static Map<String, Object> latency(List<Double> ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", ms.size());
        if (ms.isEmpty()) {
            return m;
        }
        m.put("p50", Stats.round(Stats.percentile(ms, 50)));
        m.put("p90", Stats.round(Stats.percentile(ms, 90)));
        m.put("p99", Stats.round(Stats.percentile(ms, 99)));
        m.put("max", Stats.round(ms.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        m.put("mean", Stats.round(ms.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return m;
    }

    /** A group of identical closed-loop clients. */
    public record Group(String name, Target target, int clients, Tally tally, long retryAfterCapMs) {
        public Group(String name, Target target, int clients) {
            this(name, target, clients, new Tally(), 0);
        }
    }

    /** A running closed-loop phase: the measured window's end, and when every client's last request has ended. */
    public static final class ClosedRun {
        private final long stopAt;
        private final CountDownLatch finished;

        private ClosedRun(long stopAt, CountDownLatch finished) {
            this.stopAt = stopAt;
            this.finished = finished;
        }

        /** Waits until no new request will be sent (requests in flight may still be running). */
        public void awaitWindowEnd() throws InterruptedException {
            long left;
            while ((left = stopAt - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }

        /** Waits for the requests in flight too. */
        public boolean awaitFinished(Duration max) throws InterruptedException {
            return finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Closed loop: every client sends its next request as soon as its previous one ended (after the Retry-After the
     * server asked for, capped at the group's {@code retryAfterCapMs}; 0 = no back-off). Requests started during
     * {@code settle} are not recorded (connections opening, queues filling). Starts and returns at once.
     */
    public static ClosedRun startClosed(List<Group> groups, Duration settle, Duration measure) {
        long t0 = System.nanoTime();
        long measureFrom = t0 + settle.toNanos();
        long stopAt = measureFrom + measure.toNanos();
        int clients = groups.stream().mapToInt(Group::clients).sum();
        CountDownLatch finished = new CountDownLatch(clients);
        for (Group g : groups) {
            g.tally().seconds = measure.toNanos() / 1e9;
            AtomicLong seq = new AtomicLong();
            for (int i = 0; i < g.clients(); i++) {
                LOOP.execute(() -> next(g, seq, measureFrom, stopAt, finished));
            }
        }
        return new ClosedRun(stopAt, finished);
    }

    /** A closed-loop phase, start to end (in-flight requests included). */
    public static void closed(List<Group> groups, Duration settle, Duration measure) throws InterruptedException {
        ClosedRun run = startClosed(groups, settle, measure);
        run.awaitWindowEnd();
        run.awaitFinished(Duration.ofSeconds(90));
    }

    private static void next(Group g, AtomicLong seq, long measureFrom, long stopAt, CountDownLatch finished) {
        long start = System.nanoTime();
        if (start >= stopAt) {
            finished.countDown();
            return;
        }
        call(g.target(), seq.getAndIncrement()).whenComplete((o, e) -> {
            long end = System.nanoTime();
            Outcome out = o == null ? new Outcome(CONNECTION_ERROR, 0) : o;
            if (start >= measureFrom) {
                g.tally().add(new Sample(out.status(), (start - measureFrom) / 1e6, (end - start) / 1e6));
            }
            if (end >= measureFrom && end < stopAt) {
                g.tally().completedInWindow.incrementAndGet();
            }
            long pause = Math.min(out.retryAfterMs(), g.retryAfterCapMs());
            if (out.status() == CONNECTION_ERROR) {
                pause = Math.max(pause, ERROR_PAUSE_MS);
            }
            if (pause > 0) {
                LOOP.schedule(() -> next(g, seq, measureFrom, stopAt, finished), pause, TimeUnit.MILLISECONDS);
            } else {
                LOOP.execute(() -> next(g, seq, measureFrom, stopAt, finished));
            }
        });
    }

    private static CompletableFuture<Outcome> call(Target t, long seq) {
        try {
            return t.call(seq);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(CONNECTION_ERROR, 0));
        }
    }

    /**
     * What an open-loop phase measured besides the tally: how late the requests left, and when the run was given up
     * because the in-flight cap was reached (NaN: it ran to its end).
     */
    public record OpenRun(Tally tally, double rate, List<Double> sendLagMs, double abortedAfterS) {
        public boolean aborted() {
            return !Double.isNaN(abortedAfterS);
        }
    }

    /**
     * Open loop at a fixed rate: request i is due at t0 + i/rate whether or not earlier ones have answered, and its
     * latency counts from when it was due (so a client falling behind shows up as latency, not as a lower rate: no
     * coordinated omission). At most {@code maxOutstanding} in flight: reaching it means the server is not keeping up
     * with the rate, and the run stops sending there (a server far beyond capacity would otherwise collect a queue
     * that takes minutes to drain and spoils the next phase).
     */
    public static OpenRun open(Target target, double rate, Duration settle, Duration measure, int maxOutstanding)
            throws InterruptedException {
        Tally tally = new Tally();
        Tally early = new Tally(); // requests due during the settle period: kept only if the run is given up early
        tally.seconds = measure.toNanos() / 1e9;
        List<Double> lag = new ArrayList<>();
        long t0 = System.nanoTime() + 1_000_000;
        long measureFrom = t0 + settle.toNanos();
        long stopAt = measureFrom + measure.toNanos();
        double period = 1e9 / rate;
        AtomicInteger outstanding = new AtomicInteger();
        AtomicLong answered = new AtomicLong();
        double abortedAfter = Double.NaN;
        for (long i = 0; ; i++) {
            long due = t0 + (long) (i * period);
            if (due >= stopAt) {
                break;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (outstanding.get() >= maxOutstanding) {
                tally.dropped.incrementAndGet();
                abortedAfter = (System.nanoTime() - t0) / 1e9;
                break;
            }
            outstanding.incrementAndGet();
            Tally into = due >= measureFrom ? tally : early;
            if (into == tally) {
                lag.add((System.nanoTime() - due) / 1e6);
            }
            call(target, i).whenComplete((o, e) -> {
                long end = System.nanoTime();
                Outcome out = o == null ? new Outcome(CONNECTION_ERROR, 0) : o;
                into.add(new Sample(out.status(), (due - measureFrom) / 1e6, (end - due) / 1e6));
                if (end >= measureFrom && end < stopAt) {
                    tally.completedInWindow.incrementAndGet();
                }
                if (out.status() == 200) {
                    answered.incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        if (!Double.isNaN(abortedAfter)) {
            // Given up: everything sent counts, and the rate is what was answered from the first request to the last.
            for (Sample s : early.samples()) {
                tally.add(s);
            }
            tally.seconds = (System.nanoTime() - t0) / 1e9;
            tally.completedInWindow.set(answered.get());
        }
        return new OpenRun(tally, rate, lag, abortedAfter);
    }
}
