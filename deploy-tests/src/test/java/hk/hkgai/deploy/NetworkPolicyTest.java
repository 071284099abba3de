package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import hk.hkgai.deploy.NetworkModel.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkPolicyTest {

    /**
     * The mesh's only internal paths: gateway -> these, on these ports (the values' defaults): the serving ports, and
     * the gRPC services' HTTP ports for the ops page's readiness reads.
     */
    private static final Map<String, List<Integer>> GATEWAY_CALLS = Map.of(
            "safety", List.of(9101, 8101), "retrieval", List.of(9102, 8102), "inference", List.of(9103, 8103), "ingest", List.of(8104));
    private static final Map<String, List<Integer>> PORTS = Map.of(
            "gateway", List.of(8080),
            "safety", List.of(8101, 9101),
            "retrieval", List.of(8102, 9102),
            "inference", List.of(8103, 9103),
            "ingest", List.of(8104));
    private static final Pod PROMETHEUS = new Pod(Map.of("kubernetes.io/metadata.name", "monitoring"),
            Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Pod INGRESS_CONTROLLER = new Pod(Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Pod STRANGER = new Pod(Map.of("kubernetes.io/metadata.name", Chart.NAMESPACE),
            Map.of("app", "debug-shell"));

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void theGatewayMayCallSafetyRetrievalInferenceAndIngestOnTheirServingPorts(Profile profile) {
        NetworkModel net = new NetworkModel(Chart.render(profile));
        GATEWAY_CALLS.forEach((callee, ports) -> ports.forEach(port -> assertThat(
                net.reachable(NetworkModel.meshPod("gateway"), NetworkModel.meshPod(callee), port))
                .as("gateway -> %s:%d", callee, port).isTrue()));
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void theOpsPageIsToldEachServicesHttpPortThatThePoliciesOpen(Profile profile) {
        Manifests m = Chart.render(profile);
        Map<String, Object> gateway = Manifests.mainContainer(m.deployment("gateway"));
        NetworkModel net = new NetworkModel(m);
        for (String callee : List.of("safety", "retrieval", "inference")) {
            int http = PORTS.get(callee).get(0);
            assertThat(Manifests.env(gateway, "HKGAI_GATEWAY_OPS_" + callee.toUpperCase() + "_URL"))
                    .isEqualTo("http://" + Chart.PREFIX + callee + ":" + http);
            assertThat(net.reachable(NetworkModel.meshPod("gateway"), NetworkModel.meshPod(callee), http)).as(callee).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void noOtherPathBetweenMeshServicesIsOpen(Profile profile) {
        NetworkModel net = new NetworkModel(Chart.render(profile));
        List<String> open = new ArrayList<>();
        for (String from : Chart.SERVICES) {
            for (String to : Chart.SERVICES) {
                for (int port : PORTS.get(to)) {
                    boolean expected = from.equals("gateway") && GATEWAY_CALLS.getOrDefault(to, List.of()).contains(port);
                    if (!expected && !from.equals(to)
                            && net.reachable(NetworkModel.meshPod(from), NetworkModel.meshPod(to), port)) {
                        open.add(from + " -> " + to + ":" + port);
                    }
                }
            }
        }
        assertThat(open).isEmpty();
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void inferenceIsNotReachableFromIngest(Profile profile) {
        NetworkModel net = new NetworkModel(Chart.render(profile));
        for (int port : PORTS.get("inference")) {
            assertThat(net.ingressAllowed(NetworkModel.meshPod("ingest"), NetworkModel.meshPod("inference"), port)).isFalse();
            assertThat(net.egressAllowed(NetworkModel.meshPod("ingest"), NetworkModel.meshPod("inference"), port)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void safetyAcceptsTrafficOnlyFromTheGatewayAndPrometheus(Profile profile) {
        Manifests m = Chart.render(profile);
        NetworkModel net = new NetworkModel(m);
        Pod safety = NetworkModel.meshPod("safety");
        assertThat(net.ingressAllowed(NetworkModel.meshPod("gateway"), safety, 9101)).isTrue();
        assertThat(net.ingressAllowed(PROMETHEUS, safety, 8101)).isTrue();
        assertThat(net.ingressAllowed(PROMETHEUS, safety, 9101)).as("Prometheus only on the HTTP port").isFalse();
        assertThat(net.ingressAllowed(INGRESS_CONTROLLER, safety, 9101)).isFalse();
        assertThat(net.ingressAllowed(STRANGER, safety, 9101)).isFalse();
        assertThat(net.ingressAllowed(STRANGER, safety, 8101)).isFalse();

        // Every peer of every ingress rule of safety's policy is the gateway's pods or a Prometheus peer.
        List<?> prometheusPeers = (List<?>) Y.at(Chart.values(profile), "networkPolicy.prometheusPeers");
        for (Map<String, Object> rule : Y.list(m.networkPolicy("safety"), "spec.ingress")) {
            for (Map<String, Object> peer : Y.list(rule, "from")) {
                boolean gateway = !peer.containsKey("namespaceSelector")
                        && "gateway".equals(Y.map(peer, "podSelector.matchLabels").get("app.kubernetes.io/component"));
                assertThat(gateway || prometheusPeers.contains(peer)).as("unexpected peer %s", peer).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void onlyTheIngressControllerAndPrometheusReachTheGateway(Profile profile) {
        NetworkModel net = new NetworkModel(Chart.render(profile));
        Pod gateway = NetworkModel.meshPod("gateway");
        assertThat(net.ingressAllowed(INGRESS_CONTROLLER, gateway, 8080)).isTrue();
        assertThat(net.ingressAllowed(PROMETHEUS, gateway, 8080)).isTrue();
        assertThat(net.ingressAllowed(STRANGER, gateway, 8080)).isFalse();
        for (String service : Chart.SERVICES) {
            assertThat(net.ingressAllowed(NetworkModel.meshPod(service), gateway, 8080)).as(service).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void prometheusMayScrapeEveryServicesHttpPort(Profile profile) {
        NetworkModel net = new NetworkModel(Chart.render(profile));
        for (String service : Chart.SERVICES) {
            int http = PORTS.get(service).get(0);
            assertThat(net.ingressAllowed(PROMETHEUS, NetworkModel.meshPod(service), http)).as(service).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void noPolicyAllowsIngressFromEverywhere(Profile profile) {
        for (Map<String, Object> policy : Chart.render(profile).ofKind("NetworkPolicy")) {
            String name = Y.str(policy, "metadata.name");
            for (Map<String, Object> rule : Y.list(policy, "spec.ingress")) {
                assertThat(Y.list(rule, "from")).as("%s: an ingress rule without `from` admits everyone", name).isNotEmpty();
                for (Map<String, Object> peer : Y.list(rule, "from")) {
                    boolean allPods = peer.containsKey("podSelector") && NetworkModel.isEmptySelector(peer.get("podSelector"))
                            && (!peer.containsKey("namespaceSelector") || NetworkModel.isEmptySelector(peer.get("namespaceSelector")));
                    boolean allNamespaces = peer.containsKey("namespaceSelector")
                            && NetworkModel.isEmptySelector(peer.get("namespaceSelector"))
                            && (!peer.containsKey("podSelector") || NetworkModel.isEmptySelector(peer.get("podSelector")));
                    String cidr = Y.str(peer, "ipBlock.cidr");
                    assertThat(allPods || allNamespaces).as("%s: peer %s selects every pod", name, peer).isFalse();
                    assertThat(cidr).as("%s: peer %s", name, peer).isNotIn("0.0.0.0/0", "::/0");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    @SuppressWarnings("unchecked")
    void aDefaultDenyPolicyIsolatesEveryMeshPodInBothDirections(Profile profile) {
        Manifests m = Chart.render(profile);
        Map<String, Object> deny = m.get("NetworkPolicy", Chart.PREFIX + "default-deny");
        assertThat((List<Object>) Y.at(deny, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(Y.list(deny, "spec.ingress")).isEmpty();
        assertThat(Y.list(deny, "spec.egress")).isEmpty();
        for (Map<String, Object> d : m.ofKind("Deployment")) {
            @SuppressWarnings("unchecked")
            Map<String, String> podLabels = (Map<String, String>) (Map<?, ?>) Y.map(d, "spec.template.metadata.labels");
            assertThat(NetworkModel.selects(Y.map(deny, "spec.podSelector"), podLabels)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void servicesReachKafkaAndOpenSearchOnlyWhereTheyUseThem(Profile profile) {
        Manifests m = Chart.render(profile);
        for (String service : Chart.SERVICES) {
            List<Object> egressPorts = new ArrayList<>();
            for (Map<String, Object> rule : Y.list(m.networkPolicy(service), "spec.egress")) {
                Y.list(rule, "ports").forEach(p -> egressPorts.add(p.get("port")));
            }
            assertThat(egressPorts).as("%s resolves names", service).contains(53);
            boolean kafka = egressPorts.contains(9092) || egressPorts.contains(9093);
            assertThat(kafka).as("%s -> Kafka", service).isEqualTo(!service.equals("inference"));
            assertThat(egressPorts.contains(9200)).as("%s -> OpenSearch", service).isEqualTo(service.equals("retrieval"));
        }
    }

    @Test
    void theOpenAiBackendMayReachItsUpstreamAndNothingElseNew() {
        Manifests m = Chart.render(Profile.DEFAULT, Chart.values(
                "inference.backend", "openai",
                "inference.upstream.baseUrl", "http://vllm.llm.svc:8000/v1",
                "inference.upstream.models", Map.of("hkgai-v1", "deepseek-ai/DeepSeek-V3"),
                "inference.upstream.egress.peers", List.of(Map.of("namespaceSelector",
                        Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "llm")))),
                "inference.upstream.egress.ports", List.of(8000)));
        NetworkModel net = new NetworkModel(m);
        Pod vllm = new Pod(Map.of("kubernetes.io/metadata.name", "llm"), Map.of("app", "vllm"));
        assertThat(net.egressAllowed(NetworkModel.meshPod("inference"), vllm, 8000)).isTrue();
        assertThat(net.egressAllowed(NetworkModel.meshPod("inference"), vllm, 22)).isFalse();
        assertThat(net.egressAllowed(NetworkModel.meshPod("retrieval"), vllm, 8000)).isFalse();
    }

    @Test
    void networkPoliciesCanBeSwitchedOff() {
        assertThat(Chart.render(Profile.DEFAULT, Chart.values("networkPolicy.enabled", false))
                .ofKind("NetworkPolicy")).isEmpty();
    }
}
