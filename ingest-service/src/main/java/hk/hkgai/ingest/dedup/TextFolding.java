package hk.hkgai.ingest.dedup;

import hk.hkgai.text.ChineseScript;
import hk.hkgai.text.TextNormalizer;
import java.util.Locale;

/**
 * The form two copies of one story share however they were written: NFKC, Simplified characters, lower case,
 * letters and digits only. A Traditional and a Simplified copy fold to (almost) the same string; spacing and
 * punctuation (，vs , and 「」vs “”) stop mattering. A translation does not fold to anything alike, and is not
 * meant to: Chinese and English versions are two documents.
 */
public final class TextFolding {
    private TextFolding() {
    }

    public static String fold(String title, String text) {
        String s = ChineseScript.toSimplified(TextNormalizer.normalize(title + "\n" + text)).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
