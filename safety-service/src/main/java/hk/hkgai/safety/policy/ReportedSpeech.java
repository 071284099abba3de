package hk.hkgai.safety.policy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a sentence that reports harm from one that asks for it. "警方檢獲懷疑用嚟製造爆炸品嘅化學品" and "the man was
 * jailed for manufacturing explosives" carry the same words as a request to make explosives, and people paste such
 * news to have it summarised or translated all day (this service answers over live local news). A lexicon match is
 * set aside when its sentence names a reporter of facts (the police, a court, a prosecutor, a defendant, a report)
 * and asks nothing (no "help me", "how", "teach me", "steps", question mark); the other sentences of the text, the
 * user's own question among them, are matched as usual, and the semantic classifier still reads the whole text.
 * Configured in the policy file ({@code reports:}), for the categories it lists only: never for jailbreaks or
 * injections, whose words are an attack wherever they stand.
 */
public final class ReportedSpeech {
    static final ReportedSpeech NONE = new ReportedSpeech(List.of(), List.of(), Set.of());

    private final List<Pattern> reporters;
    private final List<Pattern> requests;
    private final Set<String> categories;

    ReportedSpeech(List<Pattern> reporters, List<Pattern> requests, Set<String> categories) {
        this.reporters = reporters;
        this.requests = requests;
        this.categories = categories;
    }

    public boolean appliesTo(String category) {
        return categories.contains(category);
    }

    /**
     * Whether the match at {@code [start, end)} of this folded text ends in a sentence that reports and asks nothing.
     * The end, because a pattern's object comes last ("how to make … a bomb") and its bounded gap may reach back
     * over a sentence break into the user's request to summarise.
     */
    public boolean reported(String folded, int start, int end) {
        if (reporters.isEmpty() || end <= start) {
            return false;
        }
        int from = end - 1;
        while (from > 0 && !boundary(folded, from - 1)) {
            from--;
        }
        int to = end - 1;
        while (to < folded.length() && !boundary(folded, to)) {
            to++;
        }
        String sentence = folded.substring(from, Math.min(folded.length(), to + 1));
        return reporters.stream().anyMatch(p -> p.matcher(sentence).find())
                && requests.stream().noneMatch(p -> p.matcher(sentence).find());
    }

    /**
     * Sentence ends: Chinese and Latin full stops, question and exclamation marks, semicolons, colons, line breaks and
     * quotation marks (a quoted report inside a request, "請總結以下報道：「…」", is a sentence of its own).
     */
    private static boolean boundary(String text, int i) {
        char c = text.charAt(i);
        return switch (c) {
            case '。', '！', '？', '；', '：', '\n', '!', '?', ';', ':', '“', '”', '「', '」', '『', '』', '"' -> true;
            case '.' -> i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
            default -> false;
        };
    }
}
