package hk.hkgai.inference.service;

import hk.hkgai.contracts.inference.v1.FinishReason;
import java.util.List;

/**
 * Applies a request's stop strings and max_tokens to a stream of text deltas, for every backend alike.
 *
 * <p>Stop strings: the text is cut before the first occurrence and the answer ends with STOP (OpenAI's rule: the
 * stop string itself is not returned). A stop string may arrive split across deltas, so the last
 * (longest stop - 1) characters are held back until more text arrives or the stream ends.
 * max_tokens: text is released while the estimated count stays within the budget; the first character that
 * would exceed it ends the answer with LENGTH. Releases never split a surrogate pair. Not thread-safe: one
 * stream's deltas arrive in order.
 */
public final class OutputShaper {
    private final List<String> stops;
    private final int holdBack;
    private final int maxTokens;
    private final TokenEstimator tokens = new TokenEstimator();
    private final StringBuilder pending = new StringBuilder();
    private FinishReason finish;

    /** @param maxTokens the completion budget; 0 or less: unlimited */
    public OutputShaper(List<String> stops, int maxTokens) {
        this.stops = stops.stream().filter(s -> s != null && !s.isEmpty()).toList();
        this.holdBack = this.stops.stream().mapToInt(String::length).max().orElse(1) - 1;
        this.maxTokens = maxTokens;
    }

    public boolean finished() {
        return finish != null;
    }

    /** Why the answer ended; null while it goes on. */
    public FinishReason finishReason() {
        return finish;
    }

    public int completionTokens() {
        return tokens.count();
    }

    /** Takes the next delta; returns the text that may be released now (possibly empty). */
    public String offer(String delta) {
        if (finished() || delta.isEmpty()) {
            return "";
        }
        pending.append(delta);
        int stopAt = firstStop();
        if (stopAt >= 0) {
            String released = budget(pending.substring(0, stopAt));
            pending.setLength(0);
            if (!finished()) {
                finish = FinishReason.FINISH_REASON_STOP;
            }
            return released;
        }
        int cut = pending.length() - holdBack;
        if (cut > 0 && Character.isHighSurrogate(pending.charAt(cut - 1))) {
            cut--;
        }
        if (cut <= 0) {
            return "";
        }
        String released = budget(pending.substring(0, cut));
        pending.delete(0, cut);
        return released;
    }

    /**
     * The backend's stream ended ({@code reason}: its own finish, null for a plain end): releases what was held
     * back and fixes the finish reason. Returns the remaining text.
     */
    public String complete(FinishReason reason) {
        if (finished()) {
            return "";
        }
        String released = budget(pending.toString());
        pending.setLength(0);
        if (!finished()) {
            finish = reason == null || reason == FinishReason.FINISH_REASON_UNSPECIFIED
                    ? FinishReason.FINISH_REASON_STOP : reason;
        }
        return released;
    }

    private int firstStop() {
        int first = -1;
        for (String s : stops) {
            int i = pending.indexOf(s);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    /** The prefix of {@code text} that fits the token budget; sets LENGTH when something had to be cut. */
    private String budget(String text) {
        if (maxTokens <= 0) {
            text.codePoints().forEach(tokens::add);
            return text;
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (tokens.countWith(cp) > maxTokens) {
                finish = FinishReason.FINISH_REASON_LENGTH;
                return text.substring(0, i);
            }
            tokens.add(cp);
            i += Character.charCount(cp);
        }
        return text;
    }
}
