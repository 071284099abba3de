package hk.hkgai.testinfra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real single-node KRaft Kafka broker on 127.0.0.1 (free ports), run by {@code deploy/local/kafka.sh}
 * with {@code HK_STATE_DIR=stateDir}. Installs are shared ({@code HK_DIST_DIR} keeps its default
 * {@code <repo>/.hk/dist}). Starting the same state dir twice in one JVM returns the running broker;
 * it stops when every user has called {@link #stop()}, or when the JVM exits.
 *
 * <pre>{@code
 * LocalKafka kafka = LocalKafka.start(Path.of("target/test-infra/kafka"));
 * props.put("bootstrap.servers", kafka.bootstrapServers());
 * ...
 * kafka.stop();
 * }</pre>
 */
public final class LocalKafka extends ScriptedProcess {

    private final int port;

    private LocalKafka(Path stateDir, Map<String, String> env, int requestedPort) {
        super(LocalInfra.KAFKA_SCRIPT, stateDir, env);
        this.port = recordedPort("kafka.port", requestedPort);
    }

    /** Starts (or joins) the broker of {@code stateDir} on free loopback ports. */
    public static LocalKafka start(Path stateDir) {
        return start(stateDir, Map.of());
    }

    /**
     * Starts (or joins) the broker of {@code stateDir}; {@code extraEnv} is passed to the script
     * (e.g. {@code KAFKA_PARTITIONS}, {@code KAFKA_HEAP}).
     */
    public static LocalKafka start(Path stateDir, Map<String, String> extraEnv) {
        return startShared(LocalInfra.KAFKA_SCRIPT, stateDir, dir -> {
            int port = LocalInfra.freePort();
            Map<String, String> env = new HashMap<>(extraEnv);
            env.put("KAFKA_PORT", Integer.toString(port));
            env.put("KAFKA_CONTROLLER_PORT", Integer.toString(LocalInfra.freePort()));
            return new LocalKafka(dir, env, port);
        });
    }

    /** {@code 127.0.0.1:<port>} */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker of {@code stateDir} (keeping its data) for an outage test; see {@link #resume}. */
    public static void pause(Path stateDir) {
        stopServer(LocalInfra.KAFKA_SCRIPT, stateDir);
    }

    /** Starts it again after {@link #pause}, on the same ports. */
    public static void resume(Path stateDir) {
        startServerAgain(LocalInfra.KAFKA_SCRIPT, stateDir);
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", " + stateDir() + "]";
    }
}
