package hk.hkgai.gateway.kafka;

import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.AuditEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * One audit event per request, keyed by tenant. The answer never waits for it: a broker outage is
 * counted and logged (without content or keys), not turned into a failed request.
 */
@ApplicationScoped
public class AuditPublisher {
    private static final Logger LOG = Logger.getLogger(AuditPublisher.class);

    private final Emitter<Record<String, byte[]>> emitter;
    private final Counter failures;

    public AuditPublisher(@Channel(Topics.AUDIT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                          Emitter<Record<String, byte[]>> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.failures = registry.counter("hkgai_gateway_audit_publish_failures_total");
    }

    public void publish(AuditEvent event) {
        try {
            emitter.send(Record.of(event.getTenant(), event.toByteArray())).whenComplete((ok, err) -> {
                if (err != null) {
                    failed(event, err);
                }
            });
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    private void failed(AuditEvent event, Throwable err) {
        failures.increment();
        LOG.warnf("audit event for request %s not published: %s", event.getRequestId(), err.getMessage());
    }
}
