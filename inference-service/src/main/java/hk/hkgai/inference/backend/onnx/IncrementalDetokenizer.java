package hk.hkgai.inference.backend.onnx;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Turns a stream of token ids into text deltas that never end inside a character. Byte-level BPE tokens often
 * carry part of a CJK character's UTF-8 bytes; decoding such a prefix yields U+FFFD, so text is held back until
 * the character completes. Decodes a short window (the tokens since the last clean cut, plus the previous
 * window for context) rather than the whole output each step, as vLLM's incremental detokenizer does.
 */
public final class IncrementalDetokenizer {
    private static final char REPLACEMENT = '\uFFFD';

    private final Function<long[], String> decode;
    private long[] tokens = new long[64];
    private int size;
    private int prefixOffset;
    private int readOffset;

    /** @param decode the tokenizer's decode, skipping special tokens */
    public IncrementalDetokenizer(Function<long[], String> decode) {
        this.decode = decode;
    }

    /** Adds a token; returns the text that is now complete (possibly empty). */
    public String next(long token) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = token;
        String prefix = decode.apply(Arrays.copyOfRange(tokens, prefixOffset, readOffset));
        String full = decode.apply(Arrays.copyOfRange(tokens, prefixOffset, size));
        if (full.length() > prefix.length() && full.charAt(full.length() - 1) != REPLACEMENT && full.startsWith(prefix)) {
            prefixOffset = readOffset;
            readOffset = size;
            return full.substring(prefix.length());
        }
        return "";
    }

    /** The end of the output: whatever is still held, without a trailing incomplete character. */
    public String flush() {
        if (readOffset == size) {
            return "";
        }
        String prefix = decode.apply(Arrays.copyOfRange(tokens, prefixOffset, readOffset));
        String full = decode.apply(Arrays.copyOfRange(tokens, prefixOffset, size));
        int end = full.length();
        while (end > prefix.length() && full.charAt(end - 1) == REPLACEMENT) {
            end--;
        }
        readOffset = size;
        return end > prefix.length() && full.startsWith(prefix) ? full.substring(prefix.length(), end) : "";
    }
}
