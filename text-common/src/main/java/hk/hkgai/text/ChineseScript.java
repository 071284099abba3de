package hk.hkgai.text;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional <-> Simplified conversion (ICU4J transforms) and the character sets that tell the two
 * scripts apart. Transliterator instances are not documented as thread-safe, so each thread gets its own.
 */
public final class ChineseScript {
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ThreadLocal<Transliterator> TO_TRADITIONAL =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

    private ChineseScript() {
    }

    public static String toSimplified(String text) {
        return text == null || text.isEmpty() ? text : TO_SIMPLIFIED.get().transliterate(text);
    }

    public static String toTraditional(String text) {
        return text == null || text.isEmpty() ? text : TO_TRADITIONAL.get().transliterate(text);
    }

    /**
     * Traditional to Simplified one character at a time, through the table of {@link #traditionalToSimplifiedPairs()}
     * (ICU's own single-character mappings of the main CJK block). Unlike {@link #toSimplified} it has no
     * multi-character rules and costs an array lookup per character instead of ICU's rule matching (which was a
     * third of the safety guard's time on long inputs): for folding both sides of a comparison the same way,
     * where only consistency matters, not for text shown to people.
     */
    public static String foldToSimplified(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] fold = ScriptTables.INSTANCE.fold;
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ScriptTables.BASE && c <= ScriptTables.END) {
                char m = fold[c - ScriptTables.BASE];
                if (m != 0) {
                    if (out == null) {
                        out = text.toCharArray();
                    }
                    out[i] = m;
                }
            }
        }
        return out == null ? text : new String(out);
    }

    /** Converts Chinese text into the script of {@code target}; English targets are returned unchanged. */
    public static String toScriptOf(Lang target, String text) {
        if (target == Lang.ZH_HANS) {
            return toSimplified(text);
        }
        if (target.traditional()) {
            return toTraditional(text);
        }
        return text;
    }

    /** True for characters that only occur in Traditional text (they change under Traditional->Simplified). */
    public static boolean isTraditionalOnly(int codePoint) {
        return ScriptTables.covers(codePoint) && ScriptTables.INSTANCE.traditionalOnly.get(codePoint - ScriptTables.BASE);
    }

    /** True for characters that only occur in Simplified text (they change under Simplified->Traditional). */
    public static boolean isSimplifiedOnly(int codePoint) {
        return ScriptTables.covers(codePoint) && ScriptTables.INSTANCE.simplifiedOnly.get(codePoint - ScriptTables.BASE);
    }

    /**
     * Every Traditional-only character with its single Simplified counterpart, in code point order,
     * e.g. "發" -> "发". Used to build a search analyzer's folding table from the same data as detection.
     */
    public static java.util.SortedMap<String, String> traditionalToSimplifiedPairs() {
        return ScriptTables.INSTANCE.pairs;
    }

    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Built once, lazily: one pass over the CJK Unified Ideographs block through ICU's transform. */
    private static final class ScriptTables {
        static final int BASE = 0x4E00;
        static final int END = 0x9FFF;
        static final ScriptTables INSTANCE = new ScriptTables();

        /** Only the main CJK block is tabulated; extension-block characters (e.g. Cantonese 㗎) count as shared. */
        static boolean covers(int codePoint) {
            return codePoint >= BASE && codePoint <= END;
        }

        final java.util.BitSet traditionalOnly = new java.util.BitSet(END - BASE + 1);
        final java.util.BitSet simplifiedOnly = new java.util.BitSet(END - BASE + 1);
        final java.util.SortedMap<String, String> pairs;
        /** Per character of the block, its single-char Simplified form (0: unchanged or not a single BMP char). */
        final char[] fold = new char[END - BASE + 1];

        private ScriptTables() {
            StringBuilder all = new StringBuilder((END - BASE + 1) * 2);
            for (int cp = BASE; cp <= END; cp++) {
                all.appendCodePoint(cp).append('\n');
            }
            // One transliteration of the whole block is far faster than 20k single calls.
            String[] simplified = Transliterator.getInstance("Traditional-Simplified")
                    .transliterate(all.toString()).split("\n", -1);
            java.util.TreeMap<String, String> map = new java.util.TreeMap<>();
            for (int i = 0; i <= END - BASE; i++) {
                String s = simplified[i];
                int cp = BASE + i;
                if (s.codePointCount(0, s.length()) == 1 && s.codePointAt(0) != cp) {
                    traditionalOnly.set(i);
                    map.put(new String(Character.toChars(cp)), s);
                    if (s.length() == 1) {
                        fold[i] = s.charAt(0);
                    }
                    int simple = s.codePointAt(0);
                    if (simple >= BASE && simple <= END) {
                        simplifiedOnly.set(simple - BASE);
                    }
                }
            }
            // A character that maps to itself in one direction is shared, not script-specific.
            simplifiedOnly.andNot(traditionalOnly);
            // Nor is a target of Traditional->Simplified that Traditional text itself uses every day and that the
            // reverse transform keeps (台 in 天文台, 里, 面, 出, 表): only what Simplified->Traditional changes
            // (发 -> 發) is Simplified-only, else "香港天文台" would read as Simplified.
            StringBuilder candidates = new StringBuilder();
            for (int i = simplifiedOnly.nextSetBit(0); i >= 0; i = simplifiedOnly.nextSetBit(i + 1)) {
                candidates.appendCodePoint(BASE + i).append('\n');
            }
            String[] traditional = Transliterator.getInstance("Simplified-Traditional")
                    .transliterate(candidates.toString()).split("\n", -1);
            int k = 0;
            for (int i = simplifiedOnly.nextSetBit(0); i >= 0; i = simplifiedOnly.nextSetBit(i + 1), k++) {
                if (traditional[k].equals(new String(Character.toChars(BASE + i)))) {
                    simplifiedOnly.clear(i);
                }
            }
            pairs = java.util.Collections.unmodifiableSortedMap(map);
        }
    }
}
