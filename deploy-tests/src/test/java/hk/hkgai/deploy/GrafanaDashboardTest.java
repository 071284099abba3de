package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Profile;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard ConfigMap for the Grafana sidecar: only when asked for, and exactly deploy/grafana's file. */
class GrafanaDashboardTest {
    private static final String NAME = Chart.PREFIX.substring(0, Chart.PREFIX.length() - 1) + "-grafana-dashboard";

    private static List<Map<String, Object>> dashboards(Chart.Manifests m) {
        return m.ofKind("ConfigMap").stream().filter(cm -> "1".equals(Y.str(cm, "metadata.labels.grafana_dashboard"))).toList();
    }

    @Test
    void theDashboardConfigMapRendersOnlyWhenEnabled() throws Exception {
        for (Profile profile : Profile.values()) {
            assertThat(dashboards(Chart.render(profile))).as("%s values", profile).isEmpty();
        }

        Chart.Manifests m = Chart.render(Profile.DEFAULT, Chart.values("monitoring.grafanaDashboard.enabled", true,
                "monitoring.grafanaDashboard.annotations", Map.of("grafana_folder", "HKGAI")));
        // The chart's copy (dashboards/) is deploy/grafana's file, carried whole into the ConfigMap.
        String source = Files.readString(Chart.dir().resolve("../../grafana/hkgai-overview.json").normalize());
        assertThat(dashboards(m)).singleElement().satisfies(cm -> {
            assertThat(Y.str(cm, "metadata.name")).isEqualTo(NAME);
            assertThat(Y.map(cm, "metadata.labels")).containsEntry("grafana_dashboard", "1")
                    .containsEntry("app.kubernetes.io/part-of", "hkgai");
            assertThat(Y.map(cm, "metadata.annotations")).containsEntry("grafana_folder", "HKGAI");
            String json = (String) Y.map(cm, "data").get("hkgai-overview.json");
            assertThat(json).as("the dashboard JSON in the ConfigMap").isEqualTo(source.stripTrailing());
            assertThat(Y.str(Chart.load(json), "uid")).isEqualTo("hkgai-overview");
        });
    }
}
