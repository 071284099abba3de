package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMonitorTest {

    @Test
    void serviceMonitorIsNotRenderedByDefaultNorInDev() {
        assertThat(Chart.render(Profile.DEFAULT).ofKind("ServiceMonitor")).isEmpty();
        assertThat(Chart.render(Profile.DEV).ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void serviceMonitorIsRenderedWhenEnabled() {
        assertThat(Chart.render(Profile.PROD).ofKind("ServiceMonitor")).hasSize(1);
        assertThat(Chart.render(Profile.DEFAULT, Chart.values("monitoring.serviceMonitor.enabled", true))
                .ofKind("ServiceMonitor")).hasSize(1);
    }

    @Test
    void serviceMonitorScrapesQMetricsOfEveryServiceOnce() {
        Manifests m = Chart.render(Profile.PROD);
        Map<String, Object> sm = m.ofKind("ServiceMonitor").get(0);
        assertThat(Y.map(sm, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
        assertThat(Y.list(sm, "spec.endpoints")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("path")).isEqualTo("/q/metrics");
                    assertThat(e.get("port")).isEqualTo("http");
                });
        Map<String, Object> selector = Y.map(sm, "spec.selector");
        long selected = m.ofKind("Service").stream()
                .filter(s -> NetworkModel.selects(selector, stringMap(Y.map(s, "metadata.labels"))))
                .count();
        assertThat(selected).as("one Service per service (the headless twins are not scraped)").isEqualTo(Chart.SERVICES.size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Map<String, Object> map) {
        return (Map<String, String>) (Map<?, ?>) map;
    }
}
