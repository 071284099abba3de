package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceBackendTest {

    @Test
    void extractiveIsTheDefaultBackendAndMountsNoModel() {
        Map<String, Object> d = Chart.render(Profile.DEFAULT).deployment("inference");
        Map<String, Object> c = Manifests.mainContainer(d);
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_DEFAULT_MODEL")).isEqualTo("hkgai-extractive-v1");
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_ONNX_MODEL_DIR")).isNull();
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_UPSTREAM_BASE_URL")).isNull();
        assertThat(Y.list(d, "spec.template.spec.volumes")).noneMatch(v -> "model".equals(v.get("name")));
    }

    @Test
    void onnxBackendServesTheModelFolderFromTheClaimReadOnly() {
        Map<String, Object> d = Chart.render(Profile.PROD).deployment("inference");
        Map<String, Object> c = Manifests.mainContainer(d);
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_ONNX_MODEL_DIR")).isEqualTo("/models/r1-1.5b-onnx");
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_ONNX_MODEL_ID")).isEqualTo("hkgai-r1-1.5b");
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_DEFAULT_MODEL")).isEqualTo("hkgai-r1-1.5b");
        Map<String, Object> model = Y.list(d, "spec.template.spec.volumes").stream()
                .filter(v -> "model".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(Y.str(model, "persistentVolumeClaim.claimName")).isEqualTo("hkgai-models");
        assertThat(Y.at(model, "persistentVolumeClaim.readOnly")).isEqualTo(true);
    }

    @Test
    void onnxOnCpuWhenNoGpuIsRequested() {
        Map<String, Object> c = Manifests.mainContainer(Chart.render(Profile.PROD, Chart.values("inference.gpu.enabled", false))
                .deployment("inference"));
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_ONNX_DEVICE")).isEqualTo("cpu");
    }

    @Test
    void modelImageCanBeCopiedByALockedDownInitContainer() {
        Map<String, Object> d = Chart.render(Profile.PROD, Chart.values(
                "inference.model.source", "initContainer",
                "inference.model.image.repository", "registry.example.hk/hkgai/models-r1-1.5b",
                "inference.model.image.tag", "2026.11.1")).deployment("inference");
        Map<String, Object> init = Y.list(d, "spec.template.spec.initContainers").get(0);
        assertThat(init.get("image")).isEqualTo("registry.example.hk/hkgai/models-r1-1.5b:2026.11.1");
        assertThat(String.valueOf(init.get("command"))).contains("cp -R /model/. /models/");
        Map<String, Object> model = Y.list(d, "spec.template.spec.volumes").stream()
                .filter(v -> "model".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(Y.str(model, "emptyDir.sizeLimit")).isEqualTo("20Gi");
    }

    @Test
    void modelImageCanBeMountedAsAnImageVolume() {
        Map<String, Object> d = Chart.render(Profile.PROD, Chart.values(
                "inference.model.source", "imageVolume",
                "inference.model.image.repository", "registry.example.hk/hkgai/models-r1-1.5b",
                "inference.model.image.digest", "sha256:" + "a".repeat(64))).deployment("inference");
        Map<String, Object> model = Y.list(d, "spec.template.spec.volumes").stream()
                .filter(v -> "model".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(Y.str(model, "image.reference")).isEqualTo("registry.example.hk/hkgai/models-r1-1.5b@sha256:" + "a".repeat(64));
        assertThat(Y.list(d, "spec.template.spec.initContainers")).isEmpty();
    }

    @Test
    void openAiBackendGetsTheUpstreamUrlAndTheModelMapInItsPropertiesFile() {
        Manifests m = Chart.render(Profile.DEFAULT, Chart.values(
                "inference.backend", "openai",
                "inference.upstream.baseUrl", "http://vllm.llm.svc:8000/v1",
                "inference.upstream.models", Map.of("hkgai-v1", "deepseek-ai/DeepSeek-V3"),
                "inference.upstream.existingSecret", "vllm-key"));
        Map<String, Object> c = Manifests.mainContainer(m.deployment("inference"));
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_UPSTREAM_BASE_URL")).isEqualTo("http://vllm.llm.svc:8000/v1");
        assertThat(Manifests.env(c, "HKGAI_INFERENCE_DEFAULT_MODEL")).isEqualTo("hkgai-v1");
        assertThat(Y.str(Manifests.envEntry(c, "HKGAI_INFERENCE_UPSTREAM_API_KEY"), "valueFrom.secretKeyRef.name")).isEqualTo("vllm-key");
        String props = (String) Y.map(m.get("ConfigMap", Chart.PREFIX + "inference-config"), "data").get("application.properties");
        assertThat(props).contains("hkgai.inference.upstream.models.hkgai-v1=deepseek-ai/DeepSeek-V3");
    }

    @Test
    void misconfiguredBackendsFailTheRenderWithTheReason() {
        assertThatThrownBy(() -> Chart.template(Profile.DEFAULT, Chart.values("inference.backend", "onnx")))
                .hasMessageContaining("inference.backend=onnx needs a model");
        assertThatThrownBy(() -> Chart.template(Profile.DEFAULT, Chart.values("inference.backend", "openai")))
                .hasMessageContaining("needs inference.upstream.baseUrl");
        assertThatThrownBy(() -> Chart.template(Profile.DEFAULT, Chart.values("inference.backend", "vllm")))
                .hasMessageContaining("must be extractive, onnx or openai");
    }

    @Test
    void latestTagIsRefusedAndADigestPinsTheImage() {
        assertThatThrownBy(() -> Chart.template(Profile.DEFAULT, Chart.values("gateway.image.tag", "latest")))
                .hasMessageContaining("pin the image");
        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        Map<String, Object> c = Manifests.mainContainer(Chart.render(Profile.DEFAULT, Chart.values(
                "global.imageRegistry", "registry.example.hk", "safety.image.digest", digest)).deployment("safety"));
        assertThat(c.get("image")).isEqualTo("registry.example.hk/hkgai/safety-service@" + digest);
    }

    @Test
    void imageTagsDefaultToTheChartsAppVersion() {
        Object appVersion = ((Map<?, ?>) Chart.load(readChartYaml())).get("appVersion");
        Map<String, Object> c = Manifests.mainContainer(Chart.render(Profile.DEFAULT).deployment("retrieval"));
        assertThat(c.get("image")).isEqualTo("hkgai/retrieval-service:" + appVersion);
    }

    private static String readChartYaml() {
        try {
            return java.nio.file.Files.readString(Chart.dir().resolve("Chart.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
