package hk.hkgai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.deploy.Chart.Manifests;
import hk.hkgai.deploy.Chart.Profile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What every pod of every values profile must have: probes, resources, a locked-down security context, pinned images. */
class PodHardeningTest {

    /** The three shipped profiles, plus the model-copying init container (the only init container the chart has). */
    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("default", Chart.render(Profile.DEFAULT)),
                Arguments.of("dev", Chart.render(Profile.DEV)),
                Arguments.of("prod", Chart.render(Profile.PROD)),
                Arguments.of("prod, model copied by an init container", Chart.render(Profile.PROD, Chart.values(
                        "inference.model.source", "initContainer",
                        "inference.model.image.repository", "registry.example.hk/hkgai/models-r1-1.5b",
                        "inference.model.image.tag", "2026.11.1"))));
    }

    private static List<Map<String, Object>> workloads(Manifests m) {
        return m.ofKind("Deployment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerHasReadinessAndLivenessProbesOnTheHealthEndpoints(String name, Manifests m) {
        for (Map<String, Object> d : workloads(m)) {
            for (Map<String, Object> c : Manifests.containers(d, false)) {
                String where = Y.str(d, "metadata.name") + "/" + c.get("name");
                assertThat(Y.str(c, "readinessProbe.httpGet.path")).as(where).isEqualTo("/q/health/ready");
                assertThat(Y.str(c, "livenessProbe.httpGet.path")).as(where).isEqualTo("/q/health/live");
                assertThat(Y.str(c, "readinessProbe.httpGet.port")).as(where).isEqualTo("http");
                assertThat(Y.str(c, "livenessProbe.httpGet.port")).as(where).isEqualTo("http");
                assertThat(Y.map(c, "startupProbe")).as(where).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerAndInitContainerHasCpuAndMemoryRequestsAndLimits(String name, Manifests m) {
        for (Map<String, Object> d : workloads(m)) {
            for (Map<String, Object> c : Manifests.containers(d, true)) {
                String where = Y.str(d, "metadata.name") + "/" + c.get("name");
                assertThat(Y.map(c, "resources.requests")).as(where).containsKeys("cpu", "memory");
                assertThat(Y.map(c, "resources.limits")).as(where).containsKeys("cpu", "memory");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    @SuppressWarnings("unchecked")
    void everyContainerRunsAsNonRootWithReadOnlyRootAndNoPrivilegeEscalationOrCapabilities(String name, Manifests m) {
        for (Map<String, Object> d : workloads(m)) {
            Map<String, Object> pod = Y.map(d, "spec.template.spec.securityContext");
            assertThat(pod.get("runAsNonRoot")).isEqualTo(true);
            assertThat(pod.get("runAsUser")).isEqualTo(185);
            assertThat(Y.str(pod, "seccompProfile.type")).isEqualTo("RuntimeDefault");
            assertThat(d.get("spec").toString()).doesNotContain("hostNetwork", "hostPID", "hostPath");
            for (Map<String, Object> c : Manifests.containers(d, true)) {
                String where = Y.str(d, "metadata.name") + "/" + c.get("name");
                Map<String, Object> sc = Y.map(c, "securityContext");
                assertThat(sc.get("runAsNonRoot")).as(where).isEqualTo(true);
                assertThat(sc.get("readOnlyRootFilesystem")).as(where).isEqualTo(true);
                assertThat(sc.get("allowPrivilegeEscalation")).as(where).isEqualTo(false);
                assertThat(sc.get("privileged")).as(where).isNotEqualTo(true);
                assertThat((List<Object>) Y.at(sc, "capabilities.drop")).as(where).containsExactly("ALL");
                assertThat(Y.at(sc, "capabilities.add")).as(where).isNull();
                assertThat(Y.str(sc, "seccompProfile.type")).as(where).isEqualTo("RuntimeDefault");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyImageIsPinnedByAVersionTagOrADigest(String name, Manifests m) {
        for (Map<String, Object> d : workloads(m)) {
            for (Map<String, Object> c : Manifests.containers(d, true)) {
                String image = (String) c.get("image");
                String where = Y.str(d, "metadata.name") + "/" + c.get("name") + ": " + image;
                if (image.contains("@")) {
                    assertThat(image).as(where).matches(".+@sha256:[0-9a-f]{64}");
                } else {
                    String lastPart = image.substring(image.lastIndexOf('/') + 1);
                    assertThat(lastPart).as(where).contains(":");
                    String tag = lastPart.substring(lastPart.indexOf(':') + 1);
                    assertThat(tag).as(where).isNotBlank().isNotEqualTo("latest");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void tmpIsTheOnlyWritableDirectoryAndIsASizedEmptyDir(String name, Manifests m) {
        for (Map<String, Object> d : workloads(m)) {
            Map<String, Object> tmp = Y.list(d, "spec.template.spec.volumes").stream()
                    .filter(v -> "tmp".equals(v.get("name"))).findFirst().orElseThrow();
            assertThat(Y.str(tmp, "emptyDir.sizeLimit")).isNotBlank();
            Map<String, Object> main = Manifests.mainContainer(d);
            for (Map<String, Object> mount : Y.list(main, "volumeMounts")) {
                if (!"tmp".equals(mount.get("name"))) {
                    assertThat(mount.get("readOnly")).as("%s mounted read-only", mount.get("mountPath")).isEqualTo(true);
                }
            }
            assertThat(Y.list(main, "volumeMounts")).anyMatch(v -> "/tmp".equals(v.get("mountPath")));
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void servicesListenOnAllInterfacesInsideTheirPods(Profile profile) {
        Manifests m = Chart.render(profile);
        for (String service : Chart.SERVICES) {
            Map<String, Object> c = Manifests.mainContainer(m.deployment(service));
            assertThat(Manifests.env(c, "QUARKUS_HTTP_HOST")).as(service).isEqualTo("0.0.0.0");
            assertThat(Manifests.env(c, "JAVA_OPTS_APPEND")).as(service).contains("-Dquarkus.http.host=0.0.0.0");
            boolean grpc = Y.list(c, "ports").stream().anyMatch(p -> "grpc".equals(p.get("name")));
            if (grpc) {
                assertThat(Manifests.env(c, "QUARKUS_GRPC_SERVER_HOST")).as(service).isEqualTo("0.0.0.0");
            }
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Profile.class)
    void theGatewayFindsEveryServiceItCallsByItsServiceName(Profile profile) {
        Manifests m = Chart.render(profile);
        Map<String, Object> gw = Manifests.mainContainer(m.deployment("gateway"));
        for (String callee : List.of("safety", "retrieval", "inference")) {
            String host = Manifests.env(gw, "QUARKUS_GRPC_CLIENTS_" + callee.toUpperCase() + "_HOST");
            assertThat(m.get("Service", host)).as(callee).isNotNull();
            String port = Manifests.env(gw, "QUARKUS_GRPC_CLIENTS_" + callee.toUpperCase() + "_PORT");
            assertThat(Y.list(m.get("Service", host), "spec.ports")).anyMatch(p -> port.equals(String.valueOf(p.get("port"))));
        }
        assertThat(Manifests.env(gw, "QUARKUS_REST_CLIENT_INGEST_URL")).isEqualTo("http://" + Chart.PREFIX + "ingest:8104");
    }
}
