package hk.hkgai.testinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Helpers shared by {@link LocalKafka} and {@link LocalOpenSearch}: locating the repository (and its
 * {@code deploy/local} scripts), picking free loopback ports, running a script with a timeout while
 * streaming its output to the test log (stdout, prefixed with the script name).
 *
 * <p>System properties:
 * <ul>
 *   <li>{@code hk.repo.root}: the repository root, if the search from {@code user.dir} cannot find it;</li>
 *   <li>{@code hk.testinfra.quiet=true}: do not echo script output (it is still kept for error messages).</li>
 * </ul>
 */
public final class LocalInfra {

    /** The script that marks the repository root. */
    public static final String KAFKA_SCRIPT = "deploy/local/kafka.sh";
    public static final String OPENSEARCH_SCRIPT = "deploy/local/opensearch.sh";

    /** Start may include a cold install (downloads ~150 MB from Maven Central). */
    static final Duration START_TIMEOUT = Duration.ofMinutes(15);
    static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static volatile Path repoRoot;

    private LocalInfra() {
    }

    /**
     * The repository root: the first directory, walking up from {@code user.dir}, that contains
     * {@code deploy/local/kafka.sh} (or the {@code hk.repo.root} system property).
     */
    public static Path repoRoot() {
        Path root = repoRoot;
        if (root != null) {
            return root;
        }
        String override = System.getProperty("hk.repo.root");
        if (override != null && !override.isBlank()) {
            root = Path.of(override).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(KAFKA_SCRIPT))) {
                throw new IllegalStateException("hk.repo.root=" + root + " has no " + KAFKA_SCRIPT);
            }
        } else {
            Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(KAFKA_SCRIPT))) {
                    root = dir;
                    break;
                }
            }
            if (root == null) {
                throw new IllegalStateException("no " + KAFKA_SCRIPT + " in " + start
                        + " or any parent; set -Dhk.repo.root=<repo>");
            }
        }
        repoRoot = root;
        return root;
    }

    /** {@code <user.dir>/target/test-infra/<name>}: the per-module state dir used by the test resources. */
    public static Path moduleStateDir(String name) {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize()
                .resolve("target").resolve("test-infra").resolve(name);
    }

    /**
     * A TCP port that is free on the loopback address right now. Ports already handed out by this JVM are
     * not handed out again, so several calls in a row give distinct ports.
     */
    public static int freePort() {
        synchronized (HANDED_OUT) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(false);
                    int port = socket.getLocalPort();
                    if (HANDED_OUT.add(port)) {
                        return port;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open a loopback socket", e);
                }
            }
            throw new IllegalStateException("no free loopback port found");
        }
    }

    /** Result of a script run. */
    public record ScriptResult(int exitCode, List<String> output) {
        public String tail(int lines) {
            return String.join("\n", output.subList(Math.max(0, output.size() - lines), output.size()));
        }
    }

    /**
     * Runs {@code bash <repo>/<script> args...} with extra environment variables, streaming its output
     * (stdout and stderr merged) to the test log; kills it if it runs longer than {@code timeout}.
     *
     * @return the exit code and the captured output (never throws on a non-zero exit code)
     */
    public static ScriptResult runScript(String script, List<String> args, Map<String, String> env, Duration timeout) {
        Path path = repoRoot().resolve(script);
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(path.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(repoRoot().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        String name = path.getFileName().toString();
        boolean quiet = Boolean.getBoolean("hk.testinfra.quiet");
        Deque<String> output = new ArrayDeque<>();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                        if (output.size() > 500) {
                            output.removeFirst();
                        }
                    }
                    if (!quiet) {
                        System.out.println("[" + name + "] " + line);
                    }
                }
            } catch (IOException ignored) {
                // process killed
            }
        }, "hk-testinfra-" + name);
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                pump.join(2_000);
                synchronized (output) {
                    throw new IllegalStateException(name + " " + String.join(" ", args) + " timed out after "
                            + timeout + "; last output:\n" + String.join("\n", output));
                }
            }
            pump.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
        synchronized (output) {
            return new ScriptResult(process.exitValue(), List.copyOf(output));
        }
    }

    /** Like {@link #runScript} but throws with the last output lines if the exit code is not 0. */
    static ScriptResult runScriptOrThrow(String script, List<String> args, Map<String, String> env, Duration timeout) {
        ScriptResult result = runScript(script, args, env, timeout);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", args) + " failed with exit code "
                    + result.exitCode() + "; last output:\n" + result.tail(60));
        }
        return result;
    }

    /** Reads a small text file such as {@code run/kafka.port}; null if missing or unreadable. */
    static String readTrimmed(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** Registers a shutdown hook; returns it so it can be removed after an orderly stop. */
    static Thread addShutdownHook(String name, Runnable action) {
        Thread hook = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void removeShutdownHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is running or about to run
        }
    }
}
