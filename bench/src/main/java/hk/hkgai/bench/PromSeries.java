package hk.hkgai.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A scrape of /q/metrics (Prometheus text) kept per series, labels included (PromMetrics sums them away). */
public final class PromSeries {
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String k) {
            return labels.getOrDefault(k, "");
        }
    }

    private final List<Sample> samples;

    private PromSeries(List<Sample> samples) {
        this.samples = samples;
    }

    public static PromSeries empty() {
        return new PromSeries(List.of());
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    public static PromSeries parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // Drop an exemplar ("… # {trace_id=…} 1.0") and a timestamp after the value.
            int hash = line.indexOf(" # ");
            if (hash > 0) {
                line = line.substring(0, hash).strip();
            }
            int brace = line.indexOf('{');
            int close = line.lastIndexOf('}');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            String rest;
            if (brace >= 0 && close > brace) {
                name = line.substring(0, brace);
                parseLabels(line.substring(brace + 1, close), labels);
                rest = line.substring(close + 1).strip();
            } else {
                int sp = line.indexOf(' ');
                if (sp < 0) {
                    continue;
                }
                name = line.substring(0, sp);
                rest = line.substring(sp + 1).strip();
            }
            String value = rest.split("\\s+")[0];
            try {
                out.add(new Sample(name.strip(), labels, Double.parseDouble(value)));
            } catch (NumberFormatException e) {
                // NaN/+Inf parse; anything else is skipped
            }
        }
        return new PromSeries(out);
    }

    private static void parseLabels(String s, Map<String, String> labels) {
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                return;
            }
            String k = s.substring(i, eq).strip();
            if (k.startsWith(",")) {
                k = k.substring(1).strip();
            }
            int q = s.indexOf('"', eq);
            if (q < 0) {
                return;
            }
            StringBuilder v = new StringBuilder();
            int j = q + 1;
            while (j < s.length() && s.charAt(j) != '"') {
                if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                    j++;
                }
                v.append(s.charAt(j));
                j++;
            }
            labels.put(k, v.toString());
            i = j + 1;
        }
    }

    public List<Sample> named(String name, Predicate<Sample> filter) {
        return samples.stream().filter(s -> s.name().equals(name) && filter.test(s)).toList();
    }

    public double sum(String name, Predicate<Sample> filter) {
        return named(name, filter).stream().mapToDouble(Sample::value).sum();
    }
}
