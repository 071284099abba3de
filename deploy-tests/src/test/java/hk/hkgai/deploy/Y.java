package hk.hkgai.deploy;

import java.util.List;
import java.util.Map;

/** Paths into parsed YAML: "spec.template.spec.containers". Missing steps give null / an empty list / map. */
final class Y {
    private Y() {
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, String path) {
        Object cur = node;
        for (String step : path.split("\\.")) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<String, Object>) cur).get(step);
        }
        return cur;
    }

    static String str(Object node, String path) {
        Object v = at(node, path);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String path) {
        Object v = at(node, path);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String path) {
        Object v = at(node, path);
        return v instanceof List ? (List<Map<String, Object>>) v : List.of();
    }
}
