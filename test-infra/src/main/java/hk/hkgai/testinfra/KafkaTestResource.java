package hk.hkgai.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker for the module under test, state in
 * {@code target/test-infra/kafka}. Provides {@code kafka.bootstrap.servers} (which also keeps Kafka
 * Dev Services off).
 *
 * <pre>{@code @QuarkusTestResource(KafkaTestResource.class)}</pre>
 *
 * Optional init args: {@code stateDir}, and {@code partitions} ({@code KAFKA_PARTITIONS}, default 3).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalKafka kafka;
    private Path stateDir = LocalInfra.moduleStateDir("kafka");
    private final Map<String, String> env = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("stateDir")) {
            stateDir = Path.of(initArgs.get("stateDir"));
        }
        if (initArgs.containsKey("partitions")) {
            env.put("KAFKA_PARTITIONS", initArgs.get("partitions"));
        }
    }

    @Override
    public Map<String, String> start() {
        kafka = LocalKafka.start(stateDir, env);
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
    }
}
