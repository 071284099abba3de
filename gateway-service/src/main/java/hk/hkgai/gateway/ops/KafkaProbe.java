package hk.hkgai.gateway.ops;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Kafka as this gateway sees it (the broker it sends audit events to): one describeCluster with a short timeout.
 * The admin client uses the gateway's own Kafka settings (bootstrap servers, and in Kubernetes the security
 * settings given as KAFKA_* variables); it is created on the first status request, not at start-up.
 */
@ApplicationScoped
public class KafkaProbe {
    private static final Set<String> ADMIN_KEYS = AdminClientConfig.configNames();

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private AdminClient admin;

    public KafkaProbe(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OpsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = config.kafkaTimeout();
    }

    public Uni<OpsStatus.ServiceHealth> check() {
        long start = System.nanoTime();
        return Uni.createFrom().<OpsStatus.ServiceHealth>emitter(em -> {
            DescribeClusterResult r = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            r.clusterId().toCompletionStage()
                    .thenCombine(r.nodes().toCompletionStage(), (id, nodes) -> nodes.size() + (nodes.size() == 1 ? " broker" : " brokers") + ", cluster " + id)
                    .whenComplete((detail, e) -> {
                        if (e != null) {
                            em.fail(e);
                        } else {
                            em.complete(new OpsStatus.ServiceHealth("kafka", nodesUp(detail), detail, "kafka admin", null, millis(start)));
                        }
                    });
        })
                .ifNoItem().after(timeout.plusMillis(500)).fail()
                .onFailure().recoverWithItem(e -> new OpsStatus.ServiceHealth("kafka", OpsStatus.DOWN, HttpProbe.describe(e),
                        "kafka admin", null, millis(start)));
    }

    private static String nodesUp(String detail) {
        return detail.startsWith("0 ") ? OpsStatus.DOWN : OpsStatus.UP;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private synchronized AdminClient admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>();
            kafkaConfig.forEach((k, v) -> {
                if (ADMIN_KEYS.contains(k)) {
                    props.put(k, v);
                }
            });
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "hkgai-gateway-ops");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            // A broker that is down is retried calmly (the page polls every 5 s anyway).
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
            admin = AdminClient.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
