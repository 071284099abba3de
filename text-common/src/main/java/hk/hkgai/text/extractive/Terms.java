package hk.hkgai.text.extractive;

import hk.hkgai.text.ChineseScript;
import hk.hkgai.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The matching vocabulary of the extractive backend. Text is folded (NFKC, Simplified script, lower case) so a
 * Traditional question matches a Simplified passage and vice versa; Chinese is indexed as character bigrams
 * (no word segmenter is needed and bigrams are what CJK search engines use), English as word tokens.
 */
final class Terms {
    /**
     * Question and function words (in folded, Simplified form) that carry no topic. They split a run of Chinese
     * characters instead of being indexed, so "天文台有冇掛八號風球" yields 天文/文台/掛八/八號/號風/風球 rather
     * than junk bigrams such as 台有/有冇 that no formal news sentence contains and that would dilute the score.
     */
    private static final List<String> CHINESE_STOP = List.of(
            // questions, Mandarin and Cantonese
            "有没有", "有冇", "是不是", "系唔系", "系咪", "是否", "什么", "甚么", "乜嘢", "乜野", "怎么样", "怎么", "怎样",
            "点样", "点解", "为什么", "为何", "几时", "何时", "哪里", "哪儿", "哪个", "哪些", "边度", "边个", "边间",
            "边啲", "几多", "多少", "请问", "想知道", "知道", "告诉我", "话我知", "可唔可以", "可不可以", "会不会",
            "会唔会", "我们", "你们", "佢哋", "而家",
            // particles and pronouns
            "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "嘅", "咗", "喺", "冇", "咩", "啦", "喇", "嘞", "啰",
            "哦", "吖", "噉", "咁", "我", "你", "您", "佢");
    private static final Map<Character, List<String>> CHINESE_STOP_BY_FIRST = indexByFirstChar(CHINESE_STOP);

    private static final Set<String> ENGLISH_STOP = Set.of(
            "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "is", "are",
            "was", "were", "be", "been", "being", "do", "does", "did", "what", "which", "who", "whom", "whose",
            "when", "where", "why", "how", "this", "that", "these", "those", "it", "its", "as", "about", "into",
            "any", "there", "their", "they", "he", "she", "his", "her", "i", "you", "we", "me", "my", "our", "your",
            "will", "would", "can", "could", "should", "has", "have", "had", "not", "if", "than", "then", "so",
            "tell", "please", "s", "t");

    private Terms() {
    }

    /** The folded form used for every comparison: NFKC, Simplified script, lower case. */
    static String fold(String text) {
        return ChineseScript.toSimplified(TextNormalizer.normalize(text)).toLowerCase(Locale.ROOT);
    }

    /** The set of index terms of folded text: Chinese bigrams (a lone character as itself) and English words. */
    static Set<String> of(String folded) {
        Set<String> terms = new HashSet<>();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            int cp = folded.codePointAt(i);
            if (ChineseScript.isHan(cp)) {
                int end = i;
                while (end < n && ChineseScript.isHan(folded.codePointAt(end))) {
                    end += Character.charCount(folded.codePointAt(end));
                }
                addChinese(folded.substring(i, end), terms);
                i = end;
            } else if (isWordChar(cp)) {
                int end = i;
                while (end < n && isWordChar(folded.codePointAt(end))) {
                    end += Character.charCount(folded.codePointAt(end));
                }
                String word = folded.substring(i, end);
                if (!ENGLISH_STOP.contains(word)) {
                    terms.add(stem(word));
                }
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
        return terms;
    }

    /**
     * Character bigrams of the letters, digits and Chinese characters of folded text, punctuation and spaces
     * skipped: the fingerprint used to spot near-repeated sentences.
     */
    static Set<String> shingles(String folded) {
        StringBuilder content = new StringBuilder(folded.length());
        folded.codePoints().filter(cp -> ChineseScript.isHan(cp) || Character.isLetterOrDigit(cp))
                .forEach(content::appendCodePoint);
        Set<String> out = new HashSet<>();
        int[] cps = content.codePoints().toArray();
        if (cps.length == 1) {
            out.add(new String(cps, 0, 1));
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            out.add(new String(cps, k, 2));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static void addChinese(String run, Set<String> terms) {
        // Split the run at stop words, then index each piece.
        int start = 0;
        int i = 0;
        while (i < run.length()) {
            int stop = stopWordAt(run, i);
            if (stop > 0) {
                addPiece(run.substring(start, i), terms);
                i += stop;
                start = i;
            } else {
                i += Character.charCount(run.codePointAt(i));
            }
        }
        addPiece(run.substring(start), terms);
    }

    private static void addPiece(String piece, Set<String> terms) {
        int[] cps = piece.codePoints().toArray();
        if (cps.length == 1) {
            terms.add(piece);
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            terms.add(new String(cps, k, 2));
        }
    }

    /** Length of the longest stop word starting at {@code i}, 0 if none. */
    private static int stopWordAt(String run, int i) {
        List<String> candidates = CHINESE_STOP_BY_FIRST.get(run.charAt(i));
        if (candidates != null) {
            for (String w : candidates) {
                if (run.startsWith(w, i)) {
                    return w.length();
                }
            }
        }
        return 0;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 ? Character.isLetterOrDigit(cp)
                : Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    /** Plural folding only: enough for "signals"/"signal", "railways"/"railway", "policies"/"policy". */
    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static Map<Character, List<String>> indexByFirstChar(List<String> words) {
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String w : words) {
            byFirst.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
        // Longest first, so 有没有 wins over 有冇's shorter neighbours and 怎么样 over 怎么.
        byFirst.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
        return Map.copyOf(byFirst);
    }
}
