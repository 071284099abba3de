package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's ops page (/ops) in headless Chromium (Debian's chromium, installed by .ci/run) through
 * playwright-core: src/test/node/ops-page.test.mjs, run here against the mesh. An admin sees every part UP, the
 * model backend, the request rate and the feeds, and a screenshot goes to target/ops-page.png; a key without the
 * admin scope gets the API's error on the page.
 */
class OpsPageIT {
    private static final Path SCREENSHOT = Path.of(System.getProperty("user.dir"), "target", "ops-page.png");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    private static Mesh mesh;

    @BeforeAll
    static void up() throws Exception {
        assertThat(Path.of(CHROMIUM)).as("Chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
        mesh = Mesh.get();
        NodeTests.ensureInstalled("openai", "playwright-core");
    }

    @Test
    void theOpsPageShowsTheMeshToAdminsOnly() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        NodeTests.Result r = NodeTests.test("ops-page.test.mjs",
                Map.of("HKGAI_GATEWAY_URL", mesh.gatewayUrl, "HKGAI_ADMIN_KEY", mesh.devKey,
                        "HKGAI_NON_ADMIN_KEY", mesh.createKey("e2e-ops-viewer", "chat,search"),
                        "HKGAI_SCREENSHOT", SCREENSHOT.toString(), "CHROMIUM_PATH", CHROMIUM));
        System.out.println(r.output());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("ℹ fail 0").contains("ℹ pass 2");
        assertThat(SCREENSHOT).as("the screenshot").isNotEmptyFile();
        System.out.println("[e2e] ops page screenshot: " + SCREENSHOT);
    }


}
