package hk.hkgai.ingest.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises text that was decoded with the wrong charset, which no later step can repair: Big5/GBK bytes read
 * as UTF-8 (U+FFFD replacement characters), or UTF-8 read as Latin-1/Windows-1252 ("å¤©æ–‡å°" for 天文台).
 * A stray replacement character or accented letter is tolerated; real mojibake comes in runs.
 */
public final class EncodingCheck {
    /** Replacement characters tolerated in an item's text (one broken emoji is no reason to lose a story). */
    static final int MAX_REPLACEMENT_CHARS = 2;
    /** Latin-1 decoded UTF-8 sequences tolerated ("café…" has one). */
    static final int MAX_MOJIBAKE_PAIRS = 2;
    /**
     * A UTF-8 lead byte read as Latin-1 (U+00C0-U+00FF) followed by a continuation byte read as Latin-1
     * (U+0080-U+00BF) or as Windows-1252 (its 0x80-0x9F punctuation).
     */
    private static final Pattern MOJIBAKE = Pattern.compile(
            "[\\u00C0-\\u00FF][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC"
                    + "\\u2013\\u2014\\u2018\\u2019\\u201A\\u201C\\u201D\\u201E\\u2020\\u2021\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]");

    private EncodingCheck() {
    }

    /** Why {@code title}/{@code text} look mis-decoded, or null when they look fine. */
    public static String problem(String title, String text) {
        int titleReplacements = count(title, '\uFFFD');
        int replacements = titleReplacements + count(text, '\uFFFD');
        if (titleReplacements > 0 || replacements > MAX_REPLACEMENT_CHARS) {
            return replacements + " U+FFFD replacement characters: bytes in another charset (e.g. Big5) were decoded as the declared one";
        }
        int pairs = mojibake(title) + mojibake(text);
        if (pairs > MAX_MOJIBAKE_PAIRS) {
            return pairs + " Latin-1 decoded UTF-8 sequences (mojibake such as \"å¤©\")";
        }
        return null;
    }

    private static int count(String s, char c) {
        int n = 0;
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == c) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int mojibake(String s) {
        if (s == null) {
            return 0;
        }
        int n = 0;
        Matcher m = MOJIBAKE.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
