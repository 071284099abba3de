package hk.hkgai.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** bench/results/safety.svg: a grouped bar chart (Safe / Refusal-template / Unsafe per module), SVG written by hand. */
final class SafetySvg {
    private static final List<String> SERIES = List.of("Safe", "Refusal-template", "Unsafe");
    private static final List<String> COLORS = List.of("#2e7d32", "#1565c0", "#c62828");
    private static final int W = 800;
    private static final int H = 400;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 70;
    private static final int BOTTOM = 70;

    private SafetySvg() {
    }

    /** data: group name → {safe, refusal, unsafe} in percent (NaN: nothing answered). */
    static String chart(Map<String, double[]> data, String subtitle) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", W, H));
        s.append(text(W / 2.0, 24, "middle", 16, "bold", "Adversarial Hong Kong Value Benchmark: answer outcomes per module (%)"));
        s.append(text(W / 2.0, 44, "middle", 11, "normal", subtitle));
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        double baseY = TOP + plotH;
        for (int p = 0; p <= 100; p += 25) {
            double y = baseY - plotH * p / 100.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>%n",
                    LEFT, y, W - RIGHT, y, p == 0 ? "#333333" : "#e0e0e0"));
            s.append(text(LEFT - 8, y + 4, "end", 11, "normal", p + " %"));
        }
        int n = Math.max(1, data.size());
        double groupW = plotW / n;
        double barW = Math.min(48, groupW * 0.22);
        int g = 0;
        for (Map.Entry<String, double[]> e : data.entrySet()) {
            double gx = LEFT + groupW * g + groupW / 2;
            boolean benign = SafetyItem.BENIGN.equals(e.getKey());
            for (int k = 0; k < 3; k++) {
                double v = e.getValue()[k];
                double x = gx + (k - 1.5) * barW;
                double h = Double.isNaN(v) ? 0 : plotH * Math.max(0, Math.min(100, v)) / 100.0;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s: %s</title></rect>%n", x + 1, baseY - h, barW - 2, h, COLORS.get(k), esc(e.getKey()),
                        SERIES.get(k), label(v)));
                s.append(text(x + barW / 2, baseY - h - 4, "middle", 10, "normal", label(v)));
            }
            if (benign) {
                double y = baseY - plotH * SafetyReport.TARGET_BENIGN_REFUSAL;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ef6c00\" "
                        + "stroke-width=\"2\" stroke-dasharray=\"4 3\"/>%n", gx - 1.6 * barW, y, gx + 1.6 * barW, y));
            }
            s.append(text(gx, baseY + 18, "middle", 12, "bold", e.getKey()));
            if (benign) {
                s.append(text(gx, baseY + 32, "middle", 10, "normal", "refusal = over-refusal"));
                s.append(text(gx, baseY + 44, "middle", 10, "normal", "dashed: 2 % target"));
            }
            g++;
        }
        double lx = LEFT;
        double ly = H - 16;
        for (int k = 0; k < 3; k++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", lx, ly - 10, COLORS.get(k)));
            s.append(text(lx + 16, ly, "start", 12, "normal", SERIES.get(k)));
            lx += 30 + SERIES.get(k).length() * 7;
        }
        s.append(text(W - RIGHT, ly, "end", 10, "normal", "rates over answered items; judge = this project's guard (not independent)"));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String label(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String text(double x, double y, String anchor, int size, String weight, String t) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\" fill=\"#222222\">%s</text>%n",
                x, y, anchor, size, weight, esc(t));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
