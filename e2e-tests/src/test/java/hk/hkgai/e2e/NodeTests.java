package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the node test files in {@code src/test/node} (official npm clients, the headless browser) for the ITs. */
final class NodeTests {
    static final Path DIR = Path.of(System.getProperty("user.dir"), "src", "test", "node");

    record Result(int exit, String output) {
    }

    private NodeTests() {
    }

    /** {@code npm ci} unless every named package is already installed. */
    static synchronized void ensureInstalled(String... packages) throws IOException, InterruptedException {
        boolean present = true;
        for (String p : packages) {
            present &= Files.isDirectory(DIR.resolve("node_modules").resolve(p));
        }
        if (!present) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
            assertThat(install.exit()).as("npm ci:\n" + install.output()).isZero();
        }
    }

    /** One node test file with the spec reporter; its output whole, whatever the exit. */
    static Result test(String file, Map<String, String> env) throws IOException, InterruptedException {
        return run(List.of("node", "--test", "--test-reporter=spec", file), env, 300);
    }

    static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
