package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import hk.hkgai.deploy.Chart.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChartLintTest {

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void helmLintStrictPassesWithoutErrorsOrWarnings(Profile profile) throws Exception {
        LintResult result = Chart.lint(profile);

        assertThat(result.isFailed()).as("helm lint --strict failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void helmTemplateRendersADeploymentServiceAndConfigMapPerService(Profile profile) {
        Chart.Manifests m = Chart.render(profile);

        for (String service : Chart.SERVICES) {
            assertThat(m.deployment(service)).isNotNull();
            assertThat(m.get("Service", Chart.PREFIX + service)).isNotNull();
            assertThat(m.get("ConfigMap", Chart.PREFIX + service + "-config")).isNotNull();
        }
        assertThat(m.ofKind("Deployment")).hasSize(Chart.SERVICES.size());
    }
}
