package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway through the official {@code openai} npm package: the tests live in src/test/node
 * (node:test), run here against the mesh, so they are part of {@code ./mvnw verify}. npm installs the
 * locked package from the npm registry on first run.
 */
class OpenAiSdkIT {
    private static final Path NODE_DIR = Path.of(System.getProperty("user.dir"), "src", "test", "node");
    private static Mesh mesh;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("openai"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
            assertThat(install.exit()).as("npm ci:\n" + install.output()).isZero();
        }
    }

    @Test
    void theOfficialOpenAiNodeClientPassesItsTests() throws Exception {
        Result r = run(List.of("node", "--test", "--test-reporter=spec", "openai-sdk.test.mjs"),
                Map.of("HKGAI_BASE_URL", mesh.gatewayUrl + "/v1", "HKGAI_API_KEY", mesh.devKey, "HKGAI_ONNX_MODEL", Mesh.ONNX_MODEL,
                        "HKGAI_LIMITED_API_KEY", mesh.createLimitedKey()), 300);
        System.out.println(r.output());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("ℹ fail 0").containsPattern("ℹ pass [1-9]");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true)
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
