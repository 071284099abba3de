package hk.hkgai.gateway.service;

import hk.hkgai.contracts.retrieval.v1.Passage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renumbers an answer's [n] markers by first appearance so that [1] is citations[0], [2] citations[1] ...
 * and only passages the answer actually cites are listed. A marker that points at no passage is dropped.
 *
 * <p>Works on a stream: {@link #push} takes text as it is generated and returns what can be shown now,
 * holding back only a tail that may be the start of a marker split across deltas ("[", "[1"). The
 * concatenation of everything pushed and flushed equals {@link #renumber} of the whole text. Not thread-safe:
 * one instance per answer.
 */
public final class CitationMarkers {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    /** A possible marker start at the end of the text: "[" followed by up to 3 digits, not yet closed. */
    private static final Pattern OPEN_TAIL = Pattern.compile("\\[\\d{0,3}$");

    public record Cited(String text, List<Passage> passages) {
    }

    private final List<Passage> passages;
    private final Map<Integer, Integer> renumbered = new HashMap<>();
    private final List<Passage> cited = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();

    public CitationMarkers(List<Passage> passages) {
        this.passages = passages;
    }

    public static Cited renumber(String text, List<Passage> passages) {
        CitationMarkers markers = new CitationMarkers(passages);
        String out = markers.push(text) + markers.flush();
        return new Cited(out, markers.cited());
    }

    /** Renumbered text that may be shown now (possibly empty). */
    public String push(String delta) {
        pending.append(delta);
        Matcher tail = OPEN_TAIL.matcher(pending);
        int cut = tail.find() ? tail.start() : pending.length();
        String ready = pending.substring(0, cut);
        pending.delete(0, cut);
        return rewrite(ready);
    }

    /** Whatever was held back, at the end of the answer. */
    public String flush() {
        String rest = pending.toString();
        pending.setLength(0);
        return rewrite(rest);
    }

    /** The passages cited so far, in order of first citation. */
    public List<Passage> cited() {
        return List.copyOf(cited);
    }

    private String rewrite(String text) {
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
        return out.toString();
    }
}
