package hk.hkgai.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes NetworkPolicy semantics, enough to ask "may this pod reach that pod on this port?" of a render:
 * a pod selected by no policy of a direction is open in it; otherwise some rule of some policy selecting it must
 * allow the peer and the port. ipBlock peers are treated as matching any pod (they may cover the pod network).
 */
final class NetworkModel {
    /** A pod: its namespace's labels and its own. */
    record Pod(Map<String, String> namespaceLabels, Map<String, String> labels) {
        String namespace() {
            return namespaceLabels.get("kubernetes.io/metadata.name");
        }
    }

    private final List<Map<String, Object>> policies;

    NetworkModel(Chart.Manifests manifests) {
        this.policies = manifests.ofKind("NetworkPolicy");
    }

    static Pod meshPod(String component) {
        return new Pod(Map.of("kubernetes.io/metadata.name", Chart.NAMESPACE), Map.of(
                "app.kubernetes.io/name", "hkgai",
                "app.kubernetes.io/instance", Chart.RELEASE,
                "app.kubernetes.io/component", component));
    }

    boolean reachable(Pod from, Pod to, int port) {
        return allowed(to, from, port, "Ingress", "ingress", "from") && allowed(from, to, port, "Egress", "egress", "to");
    }

    boolean ingressAllowed(Pod from, Pod to, int port) {
        return allowed(to, from, port, "Ingress", "ingress", "from");
    }

    boolean egressAllowed(Pod from, Pod to, int port) {
        return allowed(from, to, port, "Egress", "egress", "to");
    }

    private boolean allowed(Pod subject, Pod other, int port, String type, String rulesKey, String peersKey) {
        boolean isolated = false;
        for (Map<String, Object> policy : policies) {
            if (!Objects.equals(policyNamespace(policy), subject.namespace())
                    || !selects(Y.map(policy, "spec.podSelector"), subject.labels())) {
                continue;
            }
            List<?> types = (List<?>) Y.at(policy, "spec.policyTypes");
            if (types == null || !types.contains(type)) {
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : Y.list(policy, "spec." + rulesKey)) {
                if (portMatches(rule, port) && peerMatches(rule, peersKey, other, subject.namespace())) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static String policyNamespace(Map<String, Object> policy) {
        String ns = Y.str(policy, "metadata.namespace");
        return ns == null ? Chart.NAMESPACE : ns;
    }

    private static boolean portMatches(Map<String, Object> rule, int port) {
        List<Map<String, Object>> ports = Y.list(rule, "ports");
        return ports.isEmpty() || ports.stream().anyMatch(p -> p.get("port") == null || String.valueOf(port).equals(String.valueOf(p.get("port"))));
    }

    private static boolean peerMatches(Map<String, Object> rule, String key, Pod other, String policyNamespace) {
        if (!rule.containsKey(key)) {
            return true;
        }
        for (Map<String, Object> peer : Y.list(rule, key)) {
            if (peer.containsKey("ipBlock")) {
                return true;
            }
            boolean nsOk = peer.containsKey("namespaceSelector")
                    ? selects(Y.map(peer, "namespaceSelector"), other.namespaceLabels())
                    : policyNamespace.equals(other.namespace());
            boolean podOk = !peer.containsKey("podSelector") || selects(Y.map(peer, "podSelector"), other.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        if (selector.containsKey("matchExpressions")) {
            throw new UnsupportedOperationException("matchExpressions are not modelled: " + selector);
        }
        Map<String, Object> match = (Map<String, Object>) selector.getOrDefault("matchLabels", Map.of());
        return match.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), String.valueOf(e.getValue())));
    }

    /** True for a selector that selects everything ({} or no matchLabels/matchExpressions). */
    static boolean isEmptySelector(Object selector) {
        if (!(selector instanceof Map<?, ?> map)) {
            return false;
        }
        Object labels = map.get("matchLabels");
        Object exprs = map.get("matchExpressions");
        return (labels == null || ((Map<?, ?>) labels).isEmpty()) && (exprs == null || ((List<?>) exprs).isEmpty());
    }
}
