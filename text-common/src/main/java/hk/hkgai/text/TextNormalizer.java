package hk.hkgai.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one canonical form of user and document text: NFKC (full-width letters and digits to ASCII,
 * compatibility ideographs to unified ones), invisible format characters removed, whitespace collapsed.
 */
public final class TextNormalizer {
    /** Zero-width space/joiners, word joiner, BOM, soft hyphen and the bidi controls. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String visible = INVISIBLE.matcher(nfkc).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ").trim();
    }
}
