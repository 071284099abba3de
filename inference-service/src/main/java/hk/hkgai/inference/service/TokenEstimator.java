package hk.hkgai.inference.service;

import hk.hkgai.text.ChineseScript;

/**
 * Approximate token counts for usage and max_tokens, for backends without a tokenizer of their own (the
 * extractive one). The approximation, close to what BPE tokenizers of multilingual LLMs give: one token per
 * Chinese (or other CJK) character, about 1.3 tokens per English word or number (charged when the word starts),
 * one per punctuation mark or symbol, nothing for whitespace. It is an estimate, not a billing-grade count.
 */
public final class TokenEstimator {
    static final double WORD_TOKENS = 1.3;

    private double tokens;
    private boolean inWord;

    /** Tokens of a whole text. */
    public static int estimate(String text) {
        TokenEstimator e = new TokenEstimator();
        text.codePoints().forEach(e::add);
        return e.count();
    }

    /** The running total, rounded up. */
    public int count() {
        return (int) Math.ceil(tokens - 1e-9);
    }

    /** What the total would be after {@code codePoint}, rounded up; the state is not changed. */
    public int countWith(int codePoint) {
        return (int) Math.ceil(tokens + cost(codePoint) - 1e-9);
    }

    public void add(int codePoint) {
        tokens += cost(codePoint);
        inWord = isWordChar(codePoint);
    }

    private double cost(int cp) {
        if (isWordChar(cp)) {
            return inWord ? 0 : WORD_TOKENS;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return 0;
        }
        // CJK characters, punctuation and symbols alike: one each.
        return 1;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) && !ChineseScript.isHan(cp) && !isOtherCjk(cp);
    }

    private static boolean isOtherCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL;
    }
}
