package hk.hkgai.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits Chinese and English text into sentences. Chinese sentences end at 。！？； (full or half width,
 * with any closing quotes or brackets kept on the sentence); English sentences end at . ! ? followed by
 * a space and not after a common abbreviation or a single initial.
 */
public final class SentenceSplitter {
    private static final String CJK_ENDS = "。！？；!?;";
    private static final String CLOSERS = "」』”’\")）】》";
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "vs", "etc", "e.g", "i.e", "hon", "gov", "dept", "co", "ltd", "inc");

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end;
            if (CJK_ENDS.indexOf(c) >= 0) {
                end = true;
            } else if (c == '.') {
                end = isEnglishSentenceEnd(text, start, i);
            } else {
                end = c == '\n' && i + 1 < n && text.charAt(i + 1) == '\n';
            }
            if (end) {
                int stop = i + 1;
                while (stop < n && CLOSERS.indexOf(text.charAt(stop)) >= 0) {
                    stop++;
                }
                add(sentences, text.substring(start, stop));
                start = stop;
                i = stop - 1;
            }
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    private static boolean isEnglishSentenceEnd(String text, int sentenceStart, int dot) {
        int next = dot + 1;
        if (next < text.length()) {
            char after = text.charAt(next);
            if (CLOSERS.indexOf(after) >= 0) {
                next++;
                after = next < text.length() ? text.charAt(next) : ' ';
            }
            if (!Character.isWhitespace(after) && !ChineseScript.isHan(after)) {
                return false; // 3.5, www.info.gov.hk, e.g
            }
        }
        int wordStart = dot;
        while (wordStart > sentenceStart && Character.isLetter(text.charAt(wordStart - 1))
                || wordStart > sentenceStart && text.charAt(wordStart - 1) == '.') {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        // A single capital letter before the dot is an initial ("Carrie C. Lam").
        return !(word.length() == 1 && Character.isUpperCase(text.charAt(wordStart)));
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
