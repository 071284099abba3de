package hk.hkgai.testinfra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A server started and stopped by one of the {@code deploy/local} scripts, shared per state dir within
 * this JVM: a second {@code start} for the same state dir returns the running instance, and the process
 * is stopped when the last user calls {@link #stop()} (or by a JVM shutdown hook, as a safety net).
 */
abstract class ScriptedProcess implements AutoCloseable {

    private static final Map<String, ScriptedProcess> RUNNING = new HashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final String script;
    private final Path stateDir;
    private final Map<String, String> env;
    private final String key;
    private final Thread hook;
    private int refs = 1;
    private boolean stopped;

    /** Runs {@code <script> start} with the given environment; registers the shutdown hook first. */
    protected ScriptedProcess(String script, Path stateDir, Map<String, String> env) {
        this.script = script;
        this.stateDir = stateDir;
        Map<String, String> all = new HashMap<>(env);
        all.put("HK_STATE_DIR", stateDir.toString());
        this.env = Map.copyOf(all);
        this.key = key(script, stateDir);
        this.hook = LocalInfra.addShutdownHook("hk-testinfra-stop-" + stateDir.getFileName(), this::stopQuietly);
        try {
            LocalInfra.runScriptOrThrow(script, List.of("start"), this.env, LocalInfra.START_TIMEOUT);
            saveEnv(script, stateDir, this.env);
        } catch (RuntimeException e) {
            LocalInfra.removeShutdownHook(hook);
            throw e;
        }
    }

    private static String key(String script, Path stateDir) {
        return script + "|" + stateDir;
    }

    /** Returns the running instance for this script and state dir, or starts one with {@code factory}. */
    @SuppressWarnings("unchecked")
    protected static <T extends ScriptedProcess> T startShared(String script, Path stateDir, Function<Path, T> factory) {
        Path dir = stateDir.toAbsolutePath().normalize();
        String key = key(script, dir);
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            ScriptedProcess existing;
            synchronized (RUNNING) {
                existing = RUNNING.get(key);
                if (existing != null) {
                    existing.refs++;
                    return (T) existing;
                }
            }
            T started = factory.apply(dir);
            synchronized (RUNNING) {
                RUNNING.put(key, started);
            }
            return started;
        }
    }

    private static Path envFile(String script, Path stateDir) {
        return stateDir.resolve("run").resolve("testinfra-" + script.replace('/', '_') + ".env");
    }

    private static void saveEnv(String script, Path stateDir, Map<String, String> env) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(env);
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(envFile(script, stateDir))) {
            p.store(w, "environment of the last start, for stop/start from a test (see stopServer)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> loadEnv(String script, Path stateDir) {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(envFile(script, stateDir.toAbsolutePath().normalize()))) {
            p.load(r);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no server of " + script + " was started in " + stateDir, e);
        }
        Map<String, String> env = new HashMap<>();
        p.forEach((k, v) -> env.put((String) k, (String) v));
        return env;
    }

    /**
     * Stops the server of this state dir but keeps its data, for tests of an outage. Works from any class loader
     * (Quarkus tests and their test resources do not share statics): it only needs the state dir.
     */
    protected static void stopServer(String script, Path stateDir) {
        LocalInfra.runScriptOrThrow(script, List.of("stop"), loadEnv(script, stateDir), LocalInfra.STOP_TIMEOUT);
    }

    /** Starts a server stopped by {@link #stopServer} again, on the same ports with the same data. */
    protected static void startServerAgain(String script, Path stateDir) {
        LocalInfra.runScriptOrThrow(script, List.of("start"), loadEnv(script, stateDir), LocalInfra.START_TIMEOUT);
    }

    /** The state dir ({@code HK_STATE_DIR}) of this instance. */
    public Path stateDir() {
        return stateDir;
    }

    /** The port recorded by the script in {@code run/<name>.port} (the real one if it was already running). */
    protected int recordedPort(String portFile, int requested) {
        String value = LocalInfra.readTrimmed(stateDir.resolve("run").resolve(portFile));
        if (value == null || value.isEmpty()) {
            return requested;
        }
        return Integer.parseInt(value);
    }

    /** Releases this user; the process is stopped when the last user releases it. */
    public void stop() {
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            synchronized (RUNNING) {
                if (stopped) {
                    return;
                }
                if (--refs > 0) {
                    return;
                }
                stopped = true;
                RUNNING.remove(key);
            }
            LocalInfra.removeShutdownHook(hook);
            LocalInfra.runScriptOrThrow(script, List.of("stop"), env, LocalInfra.STOP_TIMEOUT);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        synchronized (RUNNING) {
            if (stopped) {
                return;
            }
            stopped = true;
            RUNNING.remove(key);
        }
        try {
            LocalInfra.runScript(script, List.of("stop"), env, LocalInfra.STOP_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("[test-infra] stopping " + script + " (" + stateDir + ") failed: " + e.getMessage());
        }
    }
}
