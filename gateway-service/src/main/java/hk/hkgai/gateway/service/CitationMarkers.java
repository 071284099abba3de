package hk.hkgai.gateway.service;

import hk.hkgai.contracts.retrieval.v1.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renumbers an answer's [n] markers by first appearance so that [1] is citations[0], [2] citations[1] ...
 * and only passages the answer actually cites are listed. A marker that points at no passage is dropped.
 */
public final class CitationMarkers {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");

    public record Cited(String text, List<Passage> passages) {
    }

    private CitationMarkers() {
    }

    public static Cited renumber(String text, List<Passage> passages) {
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        List<Passage> cited = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int original = Integer.parseInt(m.group(1));
            String replacement = "";
            if (original >= 1 && original <= passages.size()) {
                Integer n = renumbered.get(original);
                if (n == null) {
                    n = renumbered.size() + 1;
                    renumbered.put(original, n);
                    cited.add(passages.get(original - 1));
                }
                replacement = "[" + n + "]";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Cited(out.toString(), cited);
    }
}
