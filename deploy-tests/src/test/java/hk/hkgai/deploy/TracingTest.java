package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trace recording and export are an operator's switch: off by default, on for every service when set. */
class TracingTest {

    @Test
    void noServiceRecordsSpansByDefault() {
        Manifests m = Chart.render(Profile.DEFAULT);
        for (String service : Chart.SERVICES) {
            assertThat(Manifests.env(Manifests.mainContainer(m.deployment(service)), "QUARKUS_OTEL_TRACES_SAMPLER")).as(service).isNull();
        }
    }

    @Test
    void tracingOnGivesEveryServiceTheSamplerTheCollectorAndAnEgressToIt() {
        Manifests m = Chart.render(Profile.DEFAULT, Chart.values(
                "monitoring.tracing.enabled", true,
                "monitoring.tracing.endpoint", "http://otel-collector.observability:4317",
                "monitoring.tracing.egress.peers", List.of(Map.of("namespaceSelector",
                        Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "observability"))))));
        for (String service : Chart.SERVICES) {
            Map<String, Object> c = Manifests.mainContainer(m.deployment(service));
            assertThat(Manifests.env(c, "QUARKUS_OTEL_TRACES_SAMPLER")).as(service).isEqualTo("parentbased_traceidratio");
            assertThat(Manifests.env(c, "QUARKUS_OTEL_TRACES_SAMPLER_ARG")).as(service).isEqualTo("0.1");
            assertThat(Manifests.env(c, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")).as(service).isEqualTo("http://otel-collector.observability:4317");
            List<Map<String, Object>> egress = Y.list(m.networkPolicy(service), "spec.egress");
            assertThat(egress).as(service + " may reach the collector").anySatisfy(rule ->
                    assertThat(String.valueOf(rule)).contains("observability").contains("4317"));
        }
    }
}
