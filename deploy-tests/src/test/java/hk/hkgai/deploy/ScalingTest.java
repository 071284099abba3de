package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void devRunsOneReplicaOfEachServiceWithoutAutoscalersOrBudgets() {
        Manifests m = Chart.render(Profile.DEV);
        for (String service : Chart.SERVICES) {
            assertThat(Y.at(m.deployment(service), "spec.replicas")).as(service).isEqualTo(1);
        }
        assertThat(m.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(m.ofKind("PodDisruptionBudget")).isEmpty();
    }

    @Test
    void prodAutoscalesTheGatewayAndRetrievalAndLeavesTheirReplicasToTheAutoscaler() {
        Manifests m = Chart.render(Profile.PROD);
        assertThat(m.ofKind("HorizontalPodAutoscaler")).extracting(h -> Y.str(h, "spec.scaleTargetRef.name"))
                .containsExactlyInAnyOrder(Chart.PREFIX + "gateway", Chart.PREFIX + "retrieval");
        Map<String, Object> gatewayHpa = m.get("HorizontalPodAutoscaler", Chart.PREFIX + "gateway");
        assertThat(Y.at(gatewayHpa, "spec.minReplicas")).isEqualTo(3);
        assertThat(Y.at(m.deployment("gateway"), "spec.replicas")).isNull();
        assertThat(Y.at(m.deployment("retrieval"), "spec.replicas")).isNull();
        assertThat(Y.at(m.deployment("safety"), "spec.replicas")).isEqualTo(3);
    }

    @Test
    void prodProtectsReplicatedServicesWithDisruptionBudgetsThatSelectTheirPods() {
        Manifests m = Chart.render(Profile.PROD);
        for (String service : new String[] {"gateway", "safety", "retrieval", "inference"}) {
            Map<String, Object> pdb = m.get("PodDisruptionBudget", Chart.PREFIX + service);
            assertThat(Y.map(pdb, "spec.selector.matchLabels"))
                    .isEqualTo(Y.map(m.deployment(service), "spec.selector.matchLabels"));
        }
        assertThat(Y.at(m.get("PodDisruptionBudget", Chart.PREFIX + "inference"), "spec.maxUnavailable")).isEqualTo(1);
        assertThat(Y.at(m.get("PodDisruptionBudget", Chart.PREFIX + "gateway"), "spec.minAvailable")).isEqualTo(2);
    }
}
