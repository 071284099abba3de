package hk.hkgai.gateway.service;

import java.util.List;
import java.util.Locale;

/**
 * Decides how to search for a question. Every question is grounded for now (the corpus is local news and
 * a grounded "not found" beats an ungrounded guess); words about "now" ask for the newest stories first.
 */
public final class GroundingPolicy {
    private static final List<String> TIME_WORDS = List.of(
            "今日", "今天", "今晚", "而家", "現在", "现在", "最新", "剛剛", "刚刚", "目前", "現時", "现时", "宜家", "今朝",
            "today", "tonight", "now", "latest", "current", "currently", "this morning", "right now");

    private GroundingPolicy() {
    }

    public static boolean timeSensitive(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return TIME_WORDS.stream().anyMatch(w -> w.chars().allMatch(c -> c < 128) ? containsWord(q, w) : q.contains(w));
    }

    private static boolean containsWord(String text, String word) {
        int i = text.indexOf(word);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isLetter(text.charAt(i - 1));
            int end = i + word.length();
            boolean endOk = end == text.length() || !Character.isLetter(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            i = text.indexOf(word, i + 1);
        }
        return false;
    }
}
