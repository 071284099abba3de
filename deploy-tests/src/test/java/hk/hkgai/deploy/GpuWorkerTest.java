package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuWorkerTest {

    @Test
    void prodInferenceRequestsGpusAndIsScheduledOnGpuNodesFromValues() {
        Map<String, Object> prod = Chart.values(Profile.PROD);
        assertThat(Y.at(prod, "inference.gpu.enabled")).isEqualTo(true);
        Map<String, Object> d = Chart.render(Profile.PROD).deployment("inference");
        Map<String, Object> c = Manifests.mainContainer(d);

        assertThat(Y.map(c, "resources.requests")).containsEntry("nvidia.com/gpu", "1");
        assertThat(Y.map(c, "resources.limits")).containsEntry("nvidia.com/gpu", "1");
        assertThat(Y.map(d, "spec.template.spec.nodeSelector")).containsAllEntriesOf(Y.map(prod, "inference.gpu.nodeSelector"));
        assertThat(Y.list(d, "spec.template.spec.tolerations")).containsAll(Y.list(prod, "inference.gpu.tolerations"));
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_ONNX_DEVICE")).isEqualTo("cuda:0");
    }

    @Test
    void devInferenceRequestsNoGpuAndNeedsNoGpuNode() {
        Manifests m = Chart.render(Profile.DEV);
        assertThat(m.text).doesNotContain("nvidia.com/gpu");
        Map<String, Object> d = m.deployment("inference");
        assertThat(Y.map(d, "spec.template.spec.nodeSelector")).isEmpty();
        assertThat(Y.list(d, "spec.template.spec.tolerations")).isEmpty();
        assertThat(Manifests.env(Manifests.mainContainer(d), "HKGAI_INFERENCE_DEFAULT_MODEL")).isEqualTo("hkgai-extractive-v1");
    }

    @Test
    void gpuSettingsOnlyTouchTheInferenceWorker() {
        Manifests m = Chart.render(Profile.PROD);
        for (String service : Chart.SERVICES) {
            if (!service.equals("inference")) {
                Map<String, Object> d = m.deployment(service);
                assertThat(d.toString()).as(service).doesNotContain("nvidia.com/gpu");
            }
        }
    }

    @Test
    void gpuCountResourceNameAndRuntimeClassFollowValues() {
        Manifests m = Chart.render(Profile.DEFAULT, Chart.values(
                "inference.gpu.enabled", true,
                "inference.gpu.count", 2,
                "inference.gpu.runtimeClassName", "nvidia",
                "inference.gpu.nodeSelector", Map.of("node.kubernetes.io/instance-type", "p5.48xlarge"),
                "inference.gpu.tolerations", List.of(Map.of("key", "gpu", "operator", "Exists", "effect", "NoSchedule")),
                "inference.nodeSelector", Map.of("pool", "inference")));
        Map<String, Object> d = m.deployment("inference");
        Map<String, Object> c = Manifests.mainContainer(d);
        assertThat(Y.map(c, "resources.limits")).containsEntry("nvidia.com/gpu", "2");
        assertThat(Y.str(d, "spec.template.spec.runtimeClassName")).isEqualTo("nvidia");
        assertThat(Y.map(d, "spec.template.spec.nodeSelector"))
                .containsEntry("node.kubernetes.io/instance-type", "p5.48xlarge").containsEntry("pool", "inference");
        assertThat(Y.list(d, "spec.template.spec.tolerations")).extracting(t -> t.get("key")).containsExactly("gpu");
    }
}
