package hk.hkgai.gateway.limits;

import hk.hkgai.gateway.config.GatewayConfig;
import hk.hkgai.gateway.error.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bulkhead over the whole gateway's chat answers: at most {@code max-concurrent-chats} in flight. Beyond it a
 * request is shed at once with 503 and Retry-After instead of queueing (queued requests would time out anyway,
 * holding memory and sockets meanwhile). Tenants' rate limits keep one tenant from taking all the places.
 */
@ApplicationScoped
public class ChatAdmission {
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    public ChatAdmission(GatewayConfig config, MeterRegistry registry) {
        this.max = config.maxConcurrentChats();
        Gauge.builder("hkgai.gateway.chats.in.flight", inFlight, AtomicInteger::get)
                .description("Chat answers being produced now").register(registry);
        this.shed = Counter.builder("hkgai.gateway.chats.shed").description("Chat requests refused because the gateway was full")
                .register(registry);
    }

    /** A place for one answer; release it exactly once when the answer ends (releasing again does nothing). */
    public Permit acquire() {
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            shed.increment();
            throw ApiException.unavailable("The service is at capacity. Please retry shortly.");
        }
        return new Permit();
    }

    public final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        public void release() {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        }
    }
}
