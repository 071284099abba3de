package hk.hkgai.ingest.text;

import hk.hkgai.text.ScriptCounts;
import hk.hkgai.text.Lang;

/**
 * Which script an item is written in. The language (LanguageDetector) says what is dominant; the script also
 * says when a text is genuinely two things at once, which the language cannot: a bilingual press release
 * (Chinese and English paragraphs) or Chinese text mixing Traditional-only and Simplified-only characters.
 */
public final class ScriptDetector {
    /**
     * Chinese and English: below this share the minority is quotation (names, "MTR", "Tsuen Wan Line" in a
     * Chinese report), not a second language of the text.
     */
    static final double MIXED_LANGUAGE_SHARE = 0.3;
    /** Traditional and Simplified: the minority's share of the script-specific characters ... */
    static final double MIXED_SCRIPT_SHARE = 0.2;
    /** ... and at least this many of them (one converted name is not a mixed text). */
    static final int MIN_MIXED_CHARS = 3;

    private ScriptDetector() {
    }

    /**
     * @param language the item's language (hint or detected): decides Chinese text with no script-specific
     *                 character at all (e.g. "香港天文台", identical in both scripts)
     */
    public static Script detect(String text, Lang language) {
        ScriptCounts counts = ScriptCounts.of(text);
        int han = counts.han();
        int latin = counts.latin();
        int traditional = counts.traditional();
        int simplified = counts.simplified();
        // As in LanguageDetector: an English word is ~4 letters, a Chinese word one or two characters.
        double hanUnits = han;
        double latinUnits = latin / 4.0;
        double total = hanUnits + latinUnits;
        if (total == 0) {
            return language.chinese() ? byLanguage(language) : Script.LATIN;
        }
        if (hanUnits / total >= MIXED_LANGUAGE_SHARE && latinUnits / total >= MIXED_LANGUAGE_SHARE) {
            return Script.MIXED;
        }
        if (latinUnits > hanUnits) {
            return Script.LATIN;
        }
        int specific = traditional + simplified;
        int minority = Math.min(traditional, simplified);
        if (minority >= MIN_MIXED_CHARS && minority >= specific * MIXED_SCRIPT_SHARE) {
            return Script.MIXED;
        }
        if (traditional == simplified) {
            return byLanguage(language);
        }
        return traditional > simplified ? Script.HANT : Script.HANS;
    }

    private static Script byLanguage(Lang language) {
        return language == Lang.ZH_HANS ? Script.HANS : Script.HANT;
    }
}
