package hk.hkgai.ingest.text;

import hk.hkgai.text.Lang;
import hk.hkgai.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts cleaned text into retrieval chunks of whole sentences. Sizes are in characters (code points) and
 * differ by language because the embedding model (bge, 512 tokens) counts differently: one Chinese
 * character is about one token, one English word about 1.3 tokens (~6 characters with its space). So
 * ~350 Chinese characters and ~900 English characters are both comfortably inside the model window.
 *
 * <p>Consecutive chunks share their boundary sentence (overlap), so a fact split across a chunk boundary
 * is still found whole in one of them. A sentence longer than the limit is cut at a comma, else at a
 * space, else hard at the limit, never inside a surrogate pair.
 */
public final class Chunker {
    /** Characters where a long sentence may be cut (the cut goes after them). */
    private static final String SOFT_BREAKS = "，、,；;：:）)」』";

    private final int chineseMaxChars;
    private final int englishMaxChars;
    private final int overlapSentences;

    public Chunker(int chineseMaxChars, int englishMaxChars, int overlapSentences) {
        if (chineseMaxChars < 20 || englishMaxChars < 20) {
            throw new IllegalArgumentException("chunk limits below 20 characters make no sense");
        }
        if (overlapSentences < 0) {
            throw new IllegalArgumentException("overlapSentences must be >= 0");
        }
        this.chineseMaxChars = chineseMaxChars;
        this.englishMaxChars = englishMaxChars;
        this.overlapSentences = overlapSentences;
    }

    public int maxChars(Lang lang) {
        return lang.chinese() ? chineseMaxChars : englishMaxChars;
    }

    /** The chunks of {@code text} (already cleaned); empty for blank text. */
    public List<String> chunk(String text, Lang lang) {
        int max = maxChars(lang);
        List<String> pieces = new ArrayList<>();
        for (String sentence : SentenceSplitter.split(text)) {
            if (length(sentence) <= max) {
                pieces.add(sentence);
            } else {
                pieces.addAll(splitLong(sentence, max));
            }
        }
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            StringBuilder chunk = new StringBuilder(pieces.get(i));
            int j = i + 1;
            while (j < pieces.size() && joinedLength(chunk, pieces.get(j)) <= max) {
                TextCleaner.appendJoined(chunk, pieces.get(j));
                j++;
            }
            chunks.add(chunk.toString());
            if (j >= pieces.size()) {
                break;
            }
            i = nextStart(pieces, i, j, max);
        }
        return chunks;
    }

    /**
     * Where the next chunk starts: {@code overlapSentences} before {@code end}, as long as that still
     * moves forward and leaves room for at least the first new piece.
     */
    private int nextStart(List<String> pieces, int start, int end, int max) {
        for (int k = Math.min(overlapSentences, end - start - 1); k > 0; k--) {
            StringBuilder overlap = new StringBuilder();
            for (int p = end - k; p < end; p++) {
                TextCleaner.appendJoined(overlap, pieces.get(p));
            }
            if (joinedLength(overlap, pieces.get(end)) <= max) {
                return end - k;
            }
        }
        return end;
    }

    /** Cuts one over-long sentence into pieces of at most {@code max} code points. */
    static List<String> splitLong(String sentence, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = sentence;
        while (length(rest) > max) {
            int cut = cutIndex(rest, max);
            String piece = rest.substring(0, cut).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /**
     * A char index to cut at, with at most {@code max} code points before it: after the last soft break
     * in the second half of the window, else at the last space there, else exactly at the limit.
     * offsetByCodePoints never lands between the two halves of a surrogate pair.
     */
    private static int cutIndex(String s, int max) {
        int limit = s.offsetByCodePoints(0, max);
        int floor = s.offsetByCodePoints(0, max / 2);
        for (int i = limit - 1; i >= floor; i--) {
            if (SOFT_BREAKS.indexOf(s.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        for (int i = limit; i > floor; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return limit;
    }

    private static int joinedLength(CharSequence chunk, String next) {
        return length(chunk) + TextCleaner.separator(chunk, next).length() + length(next);
    }

    static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
