package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway through the official {@code openai} npm package: the tests live in src/test/node
 * (node:test), run here against the mesh, so they are part of {@code ./mvnw verify}. npm installs the
 * locked package from the npm registry on first run.
 */
class OpenAiSdkIT {
    private static Mesh mesh;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
        NodeTests.ensureInstalled("openai", "playwright-core");
    }

    @Test
    void theOfficialOpenAiNodeClientPassesItsTests() throws Exception {
        NodeTests.Result r = NodeTests.test("openai-sdk.test.mjs",
                Map.of("HKGAI_BASE_URL", mesh.gatewayUrl + "/v1", "HKGAI_API_KEY", mesh.devKey, "HKGAI_ONNX_MODEL", Mesh.ONNX_MODEL,
                        "HKGAI_LIMITED_API_KEY", mesh.createLimitedKey()));
        System.out.println(r.output());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("ℹ fail 0").containsPattern("ℹ pass [1-9]");
    }


}
