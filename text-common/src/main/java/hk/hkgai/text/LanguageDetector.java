package hk.hkgai.text;

import java.util.List;
import java.util.Set;

/**
 * Tells Cantonese, Traditional Chinese, Simplified Chinese and English apart. Rules, not a model: the
 * signals are strong (script-specific characters, Cantonese-only colloquial characters) and a rule is
 * explainable, fast and stable. Mixed text is classified by its dominant part.
 */
public final class LanguageDetector {
    /**
     * Characters that appear in written Cantonese and almost never in Standard Written Chinese.
     * (係, 唔 and 咁 also occur in formal text, so they count only together with another marker.)
     */
    private static final Set<Integer> STRONG_CANTONESE = codePoints("嘅咗喺冇佢哋嗰啲嘢嚟咩噉畀睇攞諗啱嘥乜嘞喇囉喎啩咪揾搵嬲瞓");
    private static final Set<Integer> WEAK_CANTONESE = codePoints("係唔咁俾點邊");
    /** Colloquial words whose characters alone are ambiguous (點 also means "dot", 邊 "side"). */
    private static final List<String> CANTONESE_WORDS = List.of(
            "點樣", "點解", "點算", "邊度", "邊個", "邊間", "而家", "唔該", "係咪", "乜嘢", "咁樣", "幾多錢", "得唔得",
            "會唔會", "係唔係", "有冇", "唔使", "唔好意思", "落雨");

    private LanguageDetector() {
    }

    public static Lang detect(String text) {
        if (text == null || text.isBlank()) {
            return Lang.EN;
        }
        ScriptCounts counts = ScriptCounts.of(text);
        int han = counts.han();
        int latin = counts.latin();
        int traditional = counts.traditional();
        int simplified = counts.simplified();
        int strongCantonese = 0;
        int weakCantonese = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (STRONG_CANTONESE.contains(cp)) {
                strongCantonese++;
            } else if (WEAK_CANTONESE.contains(cp)) {
                weakCantonese++;
            }
        }
        // An English word is several letters, a Chinese word one or two characters: weigh accordingly.
        if (han == 0 || latin > han * 4) {
            return Lang.EN;
        }
        for (String word : CANTONESE_WORDS) {
            if (text.contains(word)) {
                strongCantonese++;
            }
        }
        if (strongCantonese >= 1 && simplified <= traditional + strongCantonese
                || strongCantonese == 0 && weakCantonese >= 3 && simplified == 0) {
            return Lang.YUE;
        }
        return simplified > traditional ? Lang.ZH_HANS : Lang.ZH_HANT;
    }

    private static Set<Integer> codePoints(String chars) {
        return Set.copyOf(chars.codePoints().boxed().toList());
    }
}
