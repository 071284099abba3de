package hk.hkgai.safety.classifier;

import hk.hkgai.text.ChineseScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The character n-grams (one to three code points) of a text's words, each word padded with a space at both ends,
 * after NFKC, lower-casing and Traditional-to-Simplified folding: the wording side of the classifier, beside the
 * embedding's meaning side. A word in Chinese is a whole run without spaces, so its n-grams are its characters,
 * their pairs and triples; in English they are the pieces of words ("ign", "gno", "nor", …), which carry over to
 * inflections and misspellings a word list misses.
 *
 * <p>An n-gram is packed into a {@code long} (three 21-bit slots, each a code point plus one), so counting one
 * allocates no string: the guard counts every reading of every request.
 */
public final class CharNgrams {
    static final int MAX_N = 3;
    private static final int BITS = 21;

    private CharNgrams() {
    }

    /** The text as n-grams are read from it. */
    static String normalize(String text) {
        return ChineseScript.foldToSimplified(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    /** Receives each n-gram of a text, as its key, once per occurrence. */
    @FunctionalInterface
    public interface Sink {
        void accept(long key);
    }

    /** Each n-gram of the text and how often it occurs. */
    public static Map<Long, Integer> count(String text) {
        Map<Long, Integer> counts = new HashMap<>();
        forEach(text, key -> counts.merge(key, 1, Integer::sum));
        return counts;
    }

    /** Every n-gram occurrence of the text, without collecting them (the guard's path: no boxing, no map). */
    public static void forEach(String text, Sink sink) {
        int[] cps = normalize(text).codePoints().toArray();
        int start = 0;
        while (start < cps.length) {
            while (start < cps.length && Character.isWhitespace(cps[start])) {
                start++;
            }
            int end = start;
            while (end < cps.length && !Character.isWhitespace(cps[end])) {
                end++;
            }
            if (end > start) {
                word(cps, start, end, sink);
            }
            start = end;
        }
    }

    /** The n-grams of {@code cps[from, to)} with a space on either side. */
    private static void word(int[] cps, int from, int to, Sink sink) {
        int length = to - from + 2;
        for (int i = 0; i < length; i++) {
            long key = 0;
            for (int n = 1; n <= MAX_N && i + n <= length; n++) {
                int p = i + n - 1;
                int cp = p == 0 || p == length - 1 ? ' ' : cps[from + p - 1];
                key = (key << BITS) | (cp + 1);
                sink.accept(key);
            }
        }
    }

    /** An n-gram as its key, the inverse of {@link #text(long)}. */
    public static long key(String ngram) {
        long key = 0;
        int[] cps = ngram.codePoints().toArray();
        if (cps.length == 0 || cps.length > MAX_N) {
            throw new IllegalArgumentException("an n-gram has one to " + MAX_N + " code points: '" + ngram + "'");
        }
        for (int cp : cps) {
            key = (key << BITS) | (cp + 1);
        }
        return key;
    }

    /** A key as its n-gram, for a vocabulary stored as readable text. */
    public static String text(long key) {
        List<Integer> cps = new ArrayList<>();
        for (long k = key; k != 0; k >>>= BITS) {
            cps.add((int) (k & ((1 << BITS) - 1)) - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = cps.size() - 1; i >= 0; i--) {
            out.appendCodePoint(cps.get(i));
        }
        return out.toString();
    }
}
