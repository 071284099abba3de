package hk.hkgai.bench;

import java.util.HashMap;
import java.util.Map;

/** A scrape of a service's /q/metrics (Prometheus text), summed per metric name over all label sets. */
public final class PromMetrics {
    private final Map<String, Double> sums;

    private PromMetrics(Map<String, Double> sums) {
        this.sums = sums;
    }

    public static PromMetrics parse(String text) {
        Map<String, Double> sums = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String key = line.substring(0, space);
            int brace = key.indexOf('{');
            String name = brace < 0 ? key.trim() : key.substring(0, brace);
            try {
                sums.merge(name, Double.parseDouble(line.substring(space + 1)), Double::sum);
            } catch (NumberFormatException e) {
                // NaN/Inf and exemplars: not needed here
            }
        }
        return new PromMetrics(sums);
    }

    public double get(String name) {
        return sums.getOrDefault(name, 0.0);
    }

    /** Names present in this scrape that start with a prefix, for "where the time goes". */
    public Map<String, Double> withPrefixAndSuffix(String prefix, String suffix) {
        Map<String, Double> out = new java.util.TreeMap<>();
        sums.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.endsWith(suffix)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
