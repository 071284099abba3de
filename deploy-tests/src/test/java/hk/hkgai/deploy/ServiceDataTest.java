package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Data files operators own (policy, feeds, lexicons) and Quarkus properties reach the services through ConfigMaps. */
class ServiceDataTest {

    private static String data(Manifests m, String configMap, String key) {
        return (String) Y.map(m.get("ConfigMap", Chart.PREFIX + configMap), "data").get(key);
    }

    private static String mountPathOf(Map<String, Object> deployment, String volume) {
        return Y.list(Manifests.mainContainer(deployment), "volumeMounts").stream()
                .filter(v -> volume.equals(v.get("name"))).map(v -> (String) v.get("mountPath")).findFirst().orElse(null);
    }

    @Test
    void anOperatorsSafetyPolicyIsMountedFromAConfigMapAndNamedToTheGuard() throws Exception {
        String policy = Files.readString(Path.of("..", "safety-service", "src", "main", "resources", "policy", "hk-policy.yaml"));
        Manifests m = Chart.render(Profile.PROD, Chart.values("safety.policy.content", policy));

        assertThat(data(m, "safety-policy", "hk-policy.yaml")).isEqualTo(policy.stripTrailing());
        Map<String, Object> d = m.deployment("safety");
        assertThat(Manifests.env(Manifests.mainContainer(d), "HKGAI_SAFETY_POLICY_FILE")).isEqualTo("/etc/hkgai/safety/policy.yaml");
        assertThat(mountPathOf(d, "policy")).isEqualTo("/etc/hkgai/safety");
    }

    @Test
    void withoutAPolicyTheGuardUsesTheOneInItsImage() {
        Manifests m = Chart.render(Profile.PROD);
        assertThat(m.ofKind("ConfigMap")).noneMatch(cm -> Y.str(cm, "metadata.name").endsWith("-policy"));
        assertThat(Manifests.env(Manifests.mainContainer(m.deployment("safety")), "HKGAI_SAFETY_POLICY_FILE")).isNull();
    }

    @Test
    void aChangedPolicyRollsTheGuardsPods() {
        String before = Y.str(Chart.render(Profile.DEV, Chart.values("safety.policy.content", "version: a\ncategories: []"))
                .deployment("safety"), "spec.template.metadata.annotations.checksum/config");
        String after = Y.str(Chart.render(Profile.DEV, Chart.values("safety.policy.content", "version: b\ncategories: []"))
                .deployment("safety"), "spec.template.metadata.annotations.checksum/config");
        assertThat(before).isNotBlank().isNotEqualTo(after);
    }

    @Test
    void aFeedListFromValuesReplacesTheImagesList() {
        String feeds = "feeds:\n  - id: gov-press-en\n    url: https://www.info.gov.hk/gia/rss/general_en.xml\n    source: HKSAR\n";
        Manifests m = Chart.render(Profile.PROD, Chart.values("ingest.feeds.content", feeds));
        assertThat(data(m, "ingest-feeds", "feeds.yaml")).isEqualTo(feeds.stripTrailing());
        Map<String, Object> d = m.deployment("ingest");
        assertThat(Manifests.env(Manifests.mainContainer(d), "HKGAI_INGEST_FEEDS_FILE")).isEqualTo("/etc/hkgai/ingest/feeds.yaml");
        assertThat(mountPathOf(d, "feeds")).isEqualTo("/etc/hkgai/ingest");
    }

    @Test
    void devReplaysTheBundledFixtureFeedsFromItsOwnPod() {
        Map<String, Object> c = Manifests.mainContainer(Chart.render(Profile.DEV).deployment("ingest"));
        assertThat(Manifests.env(c, "HKGAI_INGEST_FEEDS_FILE")).isEqualTo("classpath:feeds/local.yaml");
        assertThat(Manifests.env(c, "HKGAI_INGEST_SELF_BASE_URL")).isEqualTo("http://127.0.0.1:8104");
    }

    @Test
    void retrievalLexiconsFromValuesAreMountedAsFiles() {
        Manifests m = Chart.render(Profile.DEFAULT, Chart.values(
                "retrieval.lexicons.colloquialTable", "冇\t沒有\n喺\t在",
                "retrieval.lexicons.glossary", "天文台\tHong Kong Observatory"));
        assertThat(data(m, "retrieval-lexicons", "yue-to-written.tsv")).isEqualTo("冇\t沒有\n喺\t在");
        Map<String, Object> c = Manifests.mainContainer(m.deployment("retrieval"));
        assertThat(Manifests.env(c, "HKGAI_RETRIEVAL_COLLOQUIAL_TABLE")).isEqualTo("/etc/hkgai/retrieval/lexicons/yue-to-written.tsv");
        assertThat(Manifests.env(c, "HKGAI_RETRIEVAL_GLOSSARY")).isEqualTo("/etc/hkgai/retrieval/lexicons/hk-bilingual-glossary.tsv");
    }

    @Test
    void quarkusPropertiesFromValuesLandInTheServicesConfigFileWithWholeNumbersIntact() {
        Manifests m = Chart.render(Profile.DEFAULT, Chart.values(
                "gateway.config", Map.of("hkgai.gateway.limits.tenants.big.tokens-per-minute", 100000000000L,
                        "hkgai.gateway.limits.tenants.small.requests-per-minute", 30)));
        String props = data(m, "gateway-config", "application.properties");
        assertThat(props).contains("hkgai.gateway.limits.tenants.big.tokens-per-minute=100000000000")
                .contains("hkgai.gateway.limits.tenants.small.requests-per-minute=30");
        Map<String, Object> d = m.deployment("gateway");
        assertThat(mountPathOf(d, "config")).isEqualTo("/deployments/config");
        assertThat(Manifests.mainContainer(d).get("workingDir")).isEqualTo("/deployments");
    }

    @Test
    void kafkaTlsAndSaslSettingsReachEveryKafkaClientAsEnvironment() {
        Manifests m = Chart.render(Profile.PROD);
        for (String service : new String[] {"gateway", "safety", "retrieval", "ingest"}) {
            Map<String, Object> c = Manifests.mainContainer(m.deployment(service));
            assertThat(Manifests.env(c, "KAFKA_BOOTSTRAP_SERVERS")).as(service).isEqualTo("hkgai-kafka-bootstrap.kafka.svc:9093");
            assertThat(Manifests.env(c, "KAFKA_SECURITY_PROTOCOL")).as(service).isEqualTo("SASL_SSL");
            assertThat(Manifests.env(c, "KAFKA_SASL_MECHANISM")).as(service).isEqualTo("SCRAM-SHA-512");
            assertThat(Manifests.env(c, "KAFKA_SSL_TRUSTSTORE_TYPE")).as(service).isEqualTo("PEM");
            assertThat(Manifests.env(c, "KAFKA_SSL_TRUSTSTORE_LOCATION")).as(service).isEqualTo("/etc/hkgai/kafka-ca/ca.crt");
            assertThat(mountPathOf(m.deployment(service), "kafka-ca")).isEqualTo("/etc/hkgai/kafka-ca");
        }
        assertThat(Manifests.env(Manifests.mainContainer(m.deployment("inference")), "KAFKA_BOOTSTRAP_SERVERS")).isNull();
        assertThat(Manifests.env(Manifests.mainContainer(m.deployment("retrieval")), "HKGAI_OPENSEARCH_URL"))
                .isEqualTo("https://hkgai.opensearch.svc:9200");
    }
}
