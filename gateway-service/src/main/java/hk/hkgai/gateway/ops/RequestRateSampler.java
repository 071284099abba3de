package hk.hkgai.gateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The live request rate of this replica, from its own Micrometer registry: the {@code http.server.requests} timers
 * of the public API ({@code /v1/*}) are cumulative counts, sampled every 5 s; the rate is the growth over the
 * window (or since start-up, while the process is younger than the window).
 */
@ApplicationScoped
public class RequestRateSampler {
    private static final long SAMPLE_MS = 5_000;

    private record Sample(long nanos, long requests, long serverErrors) {
    }

    private final MeterRegistry registry;
    private final Vertx vertx;
    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long timerId = -1;

    public RequestRateSampler(MeterRegistry registry, Vertx vertx, OpsConfig config) {
        this.registry = registry;
        this.vertx = vertx;
        this.windowNanos = config.rateWindow().toNanos();
    }

    void start(@Observes StartupEvent event) {
        sample();
        timerId = vertx.setPeriodic(SAMPLE_MS, id -> sample());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private synchronized Sample sample() {
        Sample now = current();
        samples.addLast(now);
        // Keep one sample at or beyond the window's start, so the window is always fully covered.
        while (samples.size() > 2) {
            Sample second = samples.stream().skip(1).findFirst().orElseThrow();
            if (now.nanos() - second.nanos() >= windowNanos) {
                samples.removeFirst();
            } else {
                break;
            }
        }
        return now;
    }

    private Sample current() {
        long requests = 0;
        long errors = 0;
        for (Timer t : registry.find("http.server.requests").timers()) {
            String uri = t.getId().getTag("uri");
            if (uri == null || !uri.startsWith("/v1")) {
                continue;
            }
            long count = t.count();
            requests += count;
            String status = t.getId().getTag("status");
            if (status != null && status.startsWith("5")) {
                errors += count;
            }
        }
        return new Sample(System.nanoTime(), requests, errors);
    }

    public synchronized OpsStatus.RequestRate rate() {
        Sample now = current();
        Sample from = samples.isEmpty() ? now : samples.peekFirst();
        for (Sample s : samples) {
            // The oldest sample still inside the window (or the oldest of all, if none is).
            if (now.nanos() - s.nanos() <= windowNanos) {
                from = s;
                break;
            }
            from = s;
        }
        double seconds = (now.nanos() - from.nanos()) / 1e9;
        double perSecond = seconds < 0.5 ? 0.0 : (now.requests() - from.requests()) / seconds;
        double errorsPerSecond = seconds < 0.5 ? 0.0 : (now.serverErrors() - from.serverErrors()) / seconds;
        long limited = Math.round(registry.find("hkgai.gateway.rate.limited").counters().stream().mapToDouble(Counter::count).sum());
        double inFlight = registry.find("hkgai.gateway.chats.in.flight").gauges().stream().mapToDouble(Gauge::value).sum();
        return new OpsStatus.RequestRate(round(perSecond), round(errorsPerSecond), round(seconds), now.requests(),
                now.serverErrors(), limited, Double.isNaN(inFlight) ? 0 : inFlight);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
