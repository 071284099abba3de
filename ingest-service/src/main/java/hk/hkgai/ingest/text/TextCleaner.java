package hk.hkgai.ingest.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whitespace-level cleanup of document text before chunking. Unlike {@code TextNormalizer} (the canonical
 * form for ids and hashes) this keeps what a reader sees: no NFKC, so full-width punctuation (，。！)
 * stays as the source wrote it. Paragraphs are kept, separated by one blank line ("\n\n"), because the
 * sentence splitter treats a paragraph break as a sentence boundary.
 */
public final class TextCleaner {
    /** Zero-width space/joiners, word joiner, BOM, soft hyphen and the bidi controls (as TextNormalizer). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");
    /** C0/C1 controls other than tab and newline: they only ever come from broken encodings. */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    /** Horizontal whitespace including NBSP and the ideographic space U+3000. */
    private static final Pattern HSPACE = Pattern.compile("[\\t\\p{Zs}]+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    private TextCleaner() {
    }

    /** Cleans plain text: NFC, invisible characters removed, spaces collapsed, paragraphs kept. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace("\u2029", "\n\n");
        s = INVISIBLE.matcher(s).replaceAll("");
        s = CONTROLS.matcher(s).replaceAll(" ");
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(s)) {
            String joined = joinLines(paragraph.split("\n"));
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** One line: the paragraphs of {@link #clean} joined, for titles. */
    public static String cleanLine(String text) {
        return joinLines(clean(text).split("\n\n"));
    }

    /**
     * Joins the lines of one paragraph. A line break inside Chinese text is layout, not a space
     * (香港天文\n台 is one word), so two CJK sides are joined directly; anything else gets one space.
     */
    private static String joinLines(String[] lines) {
        StringBuilder out = new StringBuilder();
        for (String raw : lines) {
            String line = HSPACE.matcher(raw).replaceAll(" ").strip();
            if (line.isEmpty()) {
                continue;
            }
            appendJoined(out, line);
        }
        return out.toString();
    }

    /** Appends {@code next} to {@code out} with the separator {@link #separator} chooses. */
    public static void appendJoined(StringBuilder out, String next) {
        if (out.length() > 0) {
            out.append(separator(out, next));
        }
        out.append(next);
    }

    /** "" between two CJK characters or CJK punctuation marks, " " otherwise. */
    public static String separator(CharSequence before, CharSequence after) {
        if (before.length() == 0 || after.length() == 0) {
            return "";
        }
        int last = Character.codePointBefore(before, before.length());
        int first = Character.codePointAt(after, 0);
        return isCjk(last) && isCjk(first) ? "" : " ";
    }

    /** Han characters and CJK punctuation (。，「」、！ and the full-width forms). */
    public static boolean isCjk(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || cp >= 0x3000 && cp <= 0x303F
                || cp >= 0xFF00 && cp <= 0xFFEF
                || cp >= 0xFE30 && cp <= 0xFE4F;
    }
}
