package hk.hkgai.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency summaries in milliseconds (nearest-rank percentiles). */
public final class Stats {
    private Stats() {
    }

    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static Map<String, Object> summary(List<Double> ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", ms.size());
        m.put("p50_ms", round(percentile(ms, 50)));
        m.put("p95_ms", round(percentile(ms, 95)));
        m.put("p99_ms", round(percentile(ms, 99)));
        m.put("mean_ms", round(ms.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return m;
    }

    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
