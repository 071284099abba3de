package hk.hkgai.text;

/**
 * Character counts that language and script detection decide on: Han characters, Latin letters, and the Han
 * characters that only one script uses (see {@link ChineseScript#isTraditionalOnly} / {@code isSimplifiedOnly}).
 */
public record ScriptCounts(int han, int latin, int traditional, int simplified) {

    public static ScriptCounts of(String text) {
        int han = 0;
        int latin = 0;
        int traditional = 0;
        int simplified = 0;
        if (text != null) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (ChineseScript.isHan(cp)) {
                    han++;
                    if (ChineseScript.isTraditionalOnly(cp)) {
                        traditional++;
                    } else if (ChineseScript.isSimplifiedOnly(cp)) {
                        simplified++;
                    }
                } else if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return new ScriptCounts(han, latin, traditional, simplified);
    }
}
