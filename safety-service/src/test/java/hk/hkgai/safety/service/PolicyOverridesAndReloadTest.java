package hk.hkgai.safety.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.safety.policy.PolicyAction;
import hk.hkgai.safety.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-tenant overrides of a category's action, locked categories, and reloading an operator's policy file. */
class PolicyOverridesAndReloadTest {
    private static final String TEMPLATES = """
            templates:
              refuse:
                yue: "對唔住，我唔可以協助。"
                zh-Hant: "抱歉，我無法協助。"
                zh-Hans: "抱歉，我无法协助。"
                en: "Sorry, I can't help with that."
            """;

    private static String policy(String version, String tenants) {
        return """
                version: "%s"
                categories:
                  - id: hk.elections
                    description: Elections.
                    action: guide
                    guidance: Answer in a balanced way.
                    patterns: ["立法会选举", "legco election"]
                  - id: hk.election_incitement
                    description: Inciting others not to vote.
                    action: refuse
                    locked: true
                    patterns: ["(叫|呼吁).{0,6}(唔好投票|投白票)"]
                """.formatted(version) + TEMPLATES + tenants;
    }

    @Test
    void aTenantOverrideChangesTheActionForThatTenantOnly(@TempDir Path dir) throws Exception {
        Path file = write(dir, policy("t-1", """
                tenants:
                  school-app:
                    actions:
                      hk.elections: refuse
                """));
        PolicyEvaluator evaluator = new PolicyEvaluator(new PolicyProvider(() -> Optional.of(file.toString())));
        InputGuard guard = new InputGuard(evaluator);
        String question = "立法會選舉幾時舉行？";
        assertThat(guard.check("school-app", java.util.List.of(GuardFixtures.user(question))).getAction())
                .isEqualTo(PolicyAction.REFUSE.proto());
        assertThat(guard.check("school-app", java.util.List.of(GuardFixtures.user(question))).getPolicyVersion()).isEqualTo("t-1+school-app");
        assertThat(guard.check("public-portal", java.util.List.of(GuardFixtures.user(question))).getAction())
                .isEqualTo(PolicyAction.GUIDE.proto());
    }

    @Test
    void noTenantMayLoosenALockedCategory(@TempDir Path dir) throws Exception {
        Path file = write(dir, policy("t-2", """
                tenants:
                  campaign-tool:
                    actions:
                      hk.election_incitement: allow
                """));
        assertThatThrownBy(() -> PolicyLoader.load(file)).hasMessageContaining("may not loosen locked category hk.election_incitement");
    }

    @Test
    void anOverrideOfAnUnknownCategoryFailsTheLoad(@TempDir Path dir) throws Exception {
        Path file = write(dir, policy("t-3", """
                tenants:
                  school-app:
                    actions:
                      hk.no_such_category: refuse
                """));
        assertThatThrownBy(() -> PolicyLoader.load(file)).hasMessageContaining("unknown category hk.no_such_category");
    }

    @Test
    void anEditedPolicyFileIsReloadedAndABrokenEditLeavesTheLastGoodOneInForce(@TempDir Path dir) throws Exception {
        Path file = write(dir, policy("v1", ""));
        PolicyProvider provider = new PolicyProvider(() -> Optional.of(file.toString()));
        assertThat(provider.current().version()).isEqualTo("v1");

        Files.writeString(file, policy("v2", ""), StandardCharsets.UTF_8);
        provider.reload(file);
        assertThat(provider.current().version()).isEqualTo("v2");

        Files.writeString(file, policy("v3", "").replace("(叫|呼吁)", "(叫|呼吁"), StandardCharsets.UTF_8); // unbalanced group
        provider.reload(file);
        assertThat(provider.current().version()).isEqualTo("v2");
    }

    private static Path write(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
