package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretsTest {

    private static final String KEYS_JSON = "[{\"id\":\"k1\",\"tenant\":\"t\",\"sha256\":\"SECRET-MARKER-KEYHASH\",\"scopes\":[\"chat\"]}]";
    private static final String REDIS_URL = "redis://user:SECRET-MARKER-REDIS@redis:6379";
    private static final String UPSTREAM_KEY = "sk-SECRET-MARKER-UPSTREAM";
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"SECRET-MARKER-KAFKA\";";
    private static final String OS_PASSWORD = "SECRET-MARKER-OPENSEARCH";
    private static final List<String> MARKERS = List.of("SECRET-MARKER-KEYHASH", "SECRET-MARKER-REDIS",
            "SECRET-MARKER-UPSTREAM", "SECRET-MARKER-KAFKA", "SECRET-MARKER-OPENSEARCH");

    private static Manifests withInlineSecrets(Profile profile) {
        return Chart.render(profile, Chart.values(
                "gateway.apiKeys.existingSecret", "",
                "gateway.apiKeys.json", KEYS_JSON,
                "gateway.redis.enabled", true,
                "gateway.redis.existingSecret", "",
                "gateway.redis.url", REDIS_URL,
                "inference.backend", "openai",
                "inference.upstream.baseUrl", "http://vllm:8000/v1",
                "inference.upstream.models", Map.of("hkgai-v1", "deepseek-ai/DeepSeek-V3"),
                "inference.upstream.apiKey", UPSTREAM_KEY,
                "inference.gpu.enabled", false,
                "kafka.securityProtocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.existingSecret", "",
                "kafka.sasl.jaasConfig", JAAS,
                "opensearch.auth.existingSecret", "",
                "opensearch.auth.username", "hkgai",
                "opensearch.auth.password", OS_PASSWORD));
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void inlineSecretValuesNeverAppearInConfigMapsOrPlainEnv(Profile profile) {
        Manifests m = withInlineSecrets(profile);
        for (Map<String, Object> cm : m.ofKind("ConfigMap")) {
            String dumped = Chart.yaml().dump(cm);
            for (String marker : MARKERS) {
                assertThat(dumped).as("ConfigMap %s", Y.str(cm, "metadata.name")).doesNotContain(marker);
            }
        }
        for (Map<String, Object> d : m.ofKind("Deployment")) {
            for (Map<String, Object> c : Manifests.containers(d, true)) {
                for (Map<String, Object> env : Y.list(c, "env")) {
                    for (String marker : MARKERS) {
                        assertThat(String.valueOf(env.get("value"))).as("env %s", env.get("name")).doesNotContain(marker);
                    }
                }
            }
        }
    }

    @Test
    void inlineSecretValuesAreKeptInTheChartsSecretAndReferencedFromIt() {
        Manifests m = withInlineSecrets(Profile.DEFAULT);
        Map<String, Object> secret = m.get("Secret", Chart.PREFIX + "credentials");
        Map<String, Object> data = Y.map(secret, "data");
        assertThat(decode(data.get("inference-upstream-api-key"))).isEqualTo(UPSTREAM_KEY);
        assertThat(decode(data.get("gateway-redis-url"))).isEqualTo(REDIS_URL);
        assertThat(decode(data.get("kafka-sasl-jaas-config"))).isEqualTo(JAAS);
        assertThat(decode(data.get("gateway-api-keys.json"))).isEqualTo(KEYS_JSON);

        Map<String, Object> inference = Manifests.mainContainer(m.deployment("inference"));
        assertThat(Y.str(Manifests.envEntry(inference, "HKGAI_INFERENCE_UPSTREAM_API_KEY"), "valueFrom.secretKeyRef.name"))
                .isEqualTo(Chart.PREFIX + "credentials");
        Map<String, Object> gateway = Manifests.mainContainer(m.deployment("gateway"));
        assertThat(Y.str(Manifests.envEntry(gateway, "KAFKA_SASL_JAAS_CONFIG"), "valueFrom.secretKeyRef.key"))
                .isEqualTo("kafka-sasl-jaas-config");
    }

    @Test
    void prodReferencesExistingSecretsAndRendersNoSecretOfItsOwn() {
        Manifests m = Chart.render(Profile.PROD);
        assertThat(m.ofKind("Secret")).isEmpty();
        Map<String, Object> gateway = Manifests.mainContainer(m.deployment("gateway"));
        assertThat(Y.str(Manifests.envEntry(gateway, "KAFKA_SASL_JAAS_CONFIG"), "valueFrom.secretKeyRef.name")).isEqualTo("hkgai");
        assertThat(Y.str(Manifests.envEntry(gateway, "HKGAI_GATEWAY_LIMITS_REDIS_URL"), "valueFrom.secretKeyRef.name"))
                .isEqualTo("hkgai-redis");
        Map<String, Object> keys = Y.list(m.deployment("gateway"), "spec.template.spec.volumes").stream()
                .filter(v -> "api-keys".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(Y.str(keys, "secret.secretName")).isEqualTo("hkgai-api-keys");
        // Mounted as a directory, never with subPath: the kubelet's in-place updates reach the gateway.
        assertThat(Y.list(gateway, "volumeMounts")).filteredOn(v -> "api-keys".equals(v.get("name")))
                .singleElement().satisfies(v -> assertThat(v).doesNotContainKey("subPath"));
    }

    private static String decode(Object b64) {
        return new String(Base64.getDecoder().decode(String.valueOf(b64)), StandardCharsets.UTF_8);
    }
}
