package hk.hkgai.e2e;

import hk.hkgai.testinfra.LocalInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system, started with the same `./hk up` a developer runs, in its own state dir and on free
 * ports so it never collides with a developer's instance. Started once per JVM, stopped at exit.
 */
final class Mesh {
    static final String ONNX_MODEL = "tiny-qwen2";
    static final String LIMITED_TENANT = "e2e-limited";
    /** A second limited tenant, so that one test spending its budget never starves another's. */
    static final String DASHBOARD_LIMITED_TENANT = "e2e-limited-dashboard";
    private static Mesh instance;

    final String gatewayUrl;
    final String devKey;
    final String kafkaBootstrap;
    final long upMillis;
    private final Map<String, String> env;

    private Mesh(String gatewayUrl, String devKey, String kafkaBootstrap, long upMillis, Map<String, String> env) {
        this.gatewayUrl = gatewayUrl;
        this.devKey = devKey;
        this.kafkaBootstrap = kafkaBootstrap;
        this.upMillis = upMillis;
        this.env = env;
    }

    static synchronized Mesh get() throws Exception {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::down, "hk-down"));
        }
        return instance;
    }

    private static Mesh start() throws Exception {
        Path state = Path.of(System.getProperty("user.dir"), "target", "hk-e2e").toAbsolutePath();
        Files.createDirectories(state);
        Map<String, String> env = new HashMap<>();
        env.put("HK_STATE_DIR", state.toString());
        env.put("HK_SKIP_BUILD", "1");
        // Besides the extractive default, the worker serves the committed tiny random-weight decoder through the
        // real ONNX backend, so that token streaming from a causal LM is tested through the gateway.
        env.put("HKGAI_INFERENCE_ONNX_MODEL_DIR", Path.of(System.getProperty("user.dir")).resolveSibling("inference-service")
                .resolve("src/test/resources/models/tiny-qwen2").toAbsolutePath().toString());
        env.put("HKGAI_INFERENCE_ONNX_MODEL_ID", ONNX_MODEL);
        env.put("HKGAI_INFERENCE_ONNX_INTRA_OP_THREADS", "1");
        // A tenant with a tiny request limit, set the way operators override one tenant: a mounted properties file.
        Path limits = state.resolve("limits.properties");
        Files.writeString(limits, "hkgai.gateway.limits.tenants." + LIMITED_TENANT + ".requests-per-minute=2\n"
                + "hkgai.gateway.limits.tenants." + DASHBOARD_LIMITED_TENANT + ".requests-per-minute=2\n");
        env.put("HK_GATEWAY_CONFIG", limits.toUri().toString());
        for (String var : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "OPENSEARCH_PORT", "OPENSEARCH_TRANSPORT_PORT",
                "HK_GATEWAY_PORT", "HK_SAFETY_HTTP_PORT", "HK_RETRIEVAL_HTTP_PORT", "HK_INFERENCE_HTTP_PORT",
                "HK_INGEST_HTTP_PORT", "HK_SAFETY_GRPC_PORT", "HK_RETRIEVAL_GRPC_PORT", "HK_INFERENCE_GRPC_PORT")) {
            env.put(var, Integer.toString(LocalInfra.freePort()));
        }
        long t0 = System.nanoTime();
        LocalInfra.ScriptResult up = LocalInfra.runScript("hk", List.of("up"), env, Duration.ofMinutes(8));
        long upMillis = (System.nanoTime() - t0) / 1_000_000;
        if (up.exitCode() != 0) {
            LocalInfra.runScript("hk", List.of("down"), env, Duration.ofMinutes(2));
            throw new IllegalStateException("./hk up failed (exit " + up.exitCode() + "):\n" + up.tail(80));
        }
        String key = Files.readString(state.resolve("dev-api-key")).trim();
        return new Mesh("http://127.0.0.1:" + env.get("HK_GATEWAY_PORT"), key, "127.0.0.1:" + env.get("KAFKA_PORT"), upMillis, env);
    }

    /** A new key (chat scope) of the tenant limited to 2 requests per minute. */
    String createLimitedKey() {
        LocalInfra.ScriptResult r = LocalInfra.runScript("hk", List.of("key", "create", "--tenant", LIMITED_TENANT, "--scopes", "chat"),
                env, Duration.ofMinutes(1));
        return r.output().stream().filter(l -> l.matches("hk-[0-9a-f]{64}")).findFirst()
                .orElseThrow(() -> new IllegalStateException("./hk key create printed no key:\n" + r.tail(20)));
    }

    /** A new key of {@code tenant} with the given scopes (a comma list such as "chat,search"), as an operator issues one. */
    String createKey(String tenant, String scopes) {
        LocalInfra.ScriptResult r = LocalInfra.runScript("hk", List.of("key", "create", "--tenant", tenant, "--scopes", scopes),
                env, Duration.ofMinutes(1));
        return r.output().stream().filter(l -> l.matches("hk-[0-9a-f]{64}")).findFirst()
                .orElseThrow(() -> new IllegalStateException("./hk key create printed no key:\n" + r.tail(20)));
    }

    /** The HTTP base URL (health, /q/metrics) of one service: gateway, safety, retrieval, inference or ingest. */
    String httpUrl(String service) {
        String var = service.equals("gateway") ? "HK_GATEWAY_PORT" : "HK_" + service.toUpperCase(java.util.Locale.ROOT) + "_HTTP_PORT";
        String port = env.get(var);
        if (port == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return "http://127.0.0.1:" + port;
    }

    /** Stops one service of the mesh (SIGTERM, then waits for it to exit), as a crash or a deploy would. */
    void stopService(String service) throws Exception {
        Path pidFile = Path.of(env.get("HK_STATE_DIR"), "run", service + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        process.destroy();
        process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Starts whatever part of the mesh is not running (./hk up leaves running parts alone). */
    void restoreAll() {
        LocalInfra.ScriptResult up = LocalInfra.runScript("hk", List.of("up"), env, Duration.ofMinutes(5));
        if (up.exitCode() != 0) {
            throw new IllegalStateException("./hk up failed (exit " + up.exitCode() + "):\n" + up.tail(60));
        }
    }

    String inferenceMetricsUrl() {
        return "http://127.0.0.1:" + env.get("HK_INFERENCE_HTTP_PORT") + "/q/metrics";
    }

    Path logs() {
        return Path.of(env.get("HK_STATE_DIR"), "logs");
    }

    /** Stops the mesh's Kafka broker (its data kept) and starts it again on the same ports: a broker restart. */
    void restartKafka(Duration down) throws InterruptedException {
        LocalInfra.ScriptResult stop = LocalInfra.runScript(LocalInfra.KAFKA_SCRIPT, List.of("stop"), env, Duration.ofMinutes(2));
        if (stop.exitCode() != 0) {
            throw new IllegalStateException("kafka stop failed:\n" + stop.tail(40));
        }
        Thread.sleep(down.toMillis());
        LocalInfra.ScriptResult start = LocalInfra.runScript(LocalInfra.KAFKA_SCRIPT, List.of("start"), env, Duration.ofMinutes(3));
        if (start.exitCode() != 0) {
            throw new IllegalStateException("kafka start failed:\n" + start.tail(40));
        }
    }

    void down() {
        LocalInfra.runScript("hk", List.of("down"), env, Duration.ofMinutes(2));
    }
}
