package hk.hkgai.ingest.text;

import hk.hkgai.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts cleaned text into retrieval chunks of whole sentences, sized in tokens of the embedding model's own
 * tokenizer ({@link TokenCounter}), so a chunk never silently loses its end to the model's 512-token window
 * and Chinese and English chunks carry comparable amounts of meaning.
 *
 * <p><b>The title.</b> A chunk's text stays the passage alone (citations quote it; repeating the headline in
 * every chunk would also inflate its BM25 weight), but every chunk carries the item's title in Chunk.title and
 * the indexer embeds {@code title + "\n" + text}, so that a chunk from the middle of a story still knows its
 * topic. The token budget therefore accounts for the title: passage tokens = target - title tokens, so the
 * embedded unit is about the target size. A very long title is not allowed to squeeze passages below half the
 * target (the embedder would rather truncate such a title's chunk than index confetti).
 *
 * <p>Consecutive chunks overlap by whole trailing sentences worth about {@code overlapRatio} of the target
 * (at least one sentence when it is short enough, never more than twice the overlap), so a fact split across
 * a boundary is still found whole in one of them. A sentence longer than the budget is cut at a comma, else
 * at a space, else hard at the budget, never inside a surrogate pair; its pieces do not overlap.
 */
public final class Chunker {
    /** Characters where a long sentence may be cut (the cut goes after them). */
    private static final String SOFT_BREAKS = "，、,；;：:）)」』";
    /** [CLS] and [SEP]: the model window holds this many tokens fewer of actual text. */
    private static final int SPECIAL_TOKENS = 2;

    /** A chunk's text and its length in tokens (special tokens excluded). */
    public record Piece(String text, int tokens) {
    }

    private final TokenCounter counter;
    private final int targetTokens;
    private final int overlapTokens;

    public Chunker(TokenCounter counter, int targetTokens, double overlapRatio, int modelMaxTokens) {
        if (targetTokens < 16 || targetTokens > modelMaxTokens - SPECIAL_TOKENS) {
            throw new IllegalArgumentException("target-tokens must be between 16 and the model window minus "
                    + SPECIAL_TOKENS + " (" + (modelMaxTokens - SPECIAL_TOKENS) + "), was " + targetTokens);
        }
        if (overlapRatio < 0 || overlapRatio >= 0.5) {
            throw new IllegalArgumentException("overlap-ratio must be in [0, 0.5), was " + overlapRatio);
        }
        this.counter = counter;
        this.targetTokens = targetTokens;
        this.overlapTokens = (int) Math.round(targetTokens * overlapRatio);
    }

    /** Tokens available to the passage of each chunk of an item with this title. */
    public int budget(String title) {
        return Math.max(targetTokens / 2, targetTokens - counter.count(title));
    }

    /** The chunks of {@code text} (already cleaned) of an item titled {@code title}; empty for blank text. */
    public List<Piece> chunk(String title, String text) {
        int budget = budget(title);
        List<Piece> pieces = new ArrayList<>();
        for (String sentence : SentenceSplitter.split(text)) {
            int n = counter.count(sentence);
            if (n <= budget) {
                pieces.add(new Piece(sentence, n));
            } else {
                pieces.addAll(splitLong(sentence, budget));
            }
        }
        List<Piece> chunks = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            int j = i + 1;
            int sum = pieces.get(i).tokens();
            while (j < pieces.size() && sum + pieces.get(j).tokens() <= budget) {
                sum += pieces.get(j).tokens();
                j++;
            }
            // Tokens of joined sentences are (almost) the sum of their tokens; check the real count anyway.
            String joined = join(pieces, i, j);
            int exact = counter.count(joined);
            while (exact > budget && j - i > 1) {
                j--;
                joined = join(pieces, i, j);
                exact = counter.count(joined);
            }
            chunks.add(new Piece(joined, exact));
            if (j >= pieces.size()) {
                break;
            }
            i = nextStart(pieces, i, j, budget);
        }
        return chunks;
    }

    /**
     * Where the next chunk starts: trailing sentences of the one that ends at {@code end}, about
     * {@code overlapTokens} of them, as long as the overlap stays small and the chunk still moves forward.
     */
    private int nextStart(List<Piece> pieces, int start, int end, int budget) {
        int acc = 0;
        int k = end;
        while (k - 1 > start && acc < overlapTokens) {
            int n = pieces.get(k - 1).tokens();
            if (acc + n > 2 * overlapTokens || acc + n + pieces.get(end).tokens() > budget) {
                break;
            }
            acc += n;
            k--;
        }
        return k;
    }

    /** Cuts one over-long sentence into pieces of at most {@code budget} tokens. */
    List<Piece> splitLong(String sentence, int budget) {
        List<Piece> pieces = new ArrayList<>();
        String rest = sentence;
        while (!rest.isEmpty()) {
            int cut = cutIndex(rest, budget);
            if (cut >= rest.length()) {
                pieces.add(new Piece(rest, counter.count(rest)));
                break;
            }
            String piece = rest.substring(0, cut).strip();
            if (!piece.isEmpty()) {
                pieces.add(new Piece(piece, counter.count(piece)));
            }
            rest = rest.substring(cut).strip();
        }
        return pieces;
    }

    /**
     * A char index to cut {@code s} at so that the part before it has at most {@code budget} tokens: the longest
     * such prefix, then moved back to the last soft break in its second half, else to its last space.
     * {@code s.length()}: all of it fits. The prefix is found by a secant search over code points (the next
     * length to try is the last one scaled by budget / tokens it had), which needs two or three tokenizer calls
     * of about the budget's size per cut, so even a 100k-character run without punctuation is cut quickly.
     */
    private int cutIndex(String s, int budget) {
        int total = s.codePointCount(0, s.length());
        int fits = 0;
        int over = total + 1;
        int probe = Math.min(total, budget);
        for (int step = 0; step < 64 && over - fits > 1; step++) {
            int n = counter.count(prefix(s, probe));
            if (n <= budget) {
                fits = probe;
                if (probe == total) {
                    return s.length();
                }
            } else {
                over = probe;
            }
            long estimate = (long) probe * budget / Math.max(1, n);
            int next = (int) Math.max(fits + 1, Math.min(over - 1, Math.min(total, estimate)));
            if (next == probe) {
                next = over > total ? Math.min(total, probe * 2) : (fits + over) >>> 1;
            }
            probe = next;
        }
        fits = Math.max(1, fits);
        int limit = s.offsetByCodePoints(0, fits);
        int floor = s.offsetByCodePoints(0, fits / 2);
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

    private static String prefix(String s, int codePoints) {
        return s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    private static String join(List<Piece> pieces, int from, int to) {
        StringBuilder out = new StringBuilder(pieces.get(from).text());
        for (int p = from + 1; p < to; p++) {
            TextCleaner.appendJoined(out, pieces.get(p).text());
        }
        return out.toString();
    }

    static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
