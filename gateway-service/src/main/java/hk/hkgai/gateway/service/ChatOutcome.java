package hk.hkgai.gateway.service;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.text.Lang;
import java.util.List;

/**
 * What one chat request produced: the text the client may see, the final action, the cited passages
 * (citations[n-1] is marker [n]) and the model's last chunk (model id, usage, finish reason) when one ran.
 */
public record ChatOutcome(Action action, Lang language, String text, List<Passage> citations, GenerateChunk last, Verdict input) {

    static ChatOutcome refused(Verdict verdict) {
        return new ChatOutcome(Action.ACTION_REFUSE, Lang.fromCode(verdict.getLanguage()).orElse(Lang.EN), verdict.getMessage(),
                List.of(), null, verdict);
    }

    static ChatOutcome refusedOutput(Verdict input, String message, Lang lang, GenerateChunk last) {
        return new ChatOutcome(Action.ACTION_REFUSE, lang, message, List.of(), last, input);
    }

    /** OpenAI's finish_reason: content_filter when the guard replaced the answer. */
    public String finishReason() {
        if (action == Action.ACTION_REFUSE) {
            return "content_filter";
        }
        return last != null && last.getFinishReason() == FinishReason.FINISH_REASON_LENGTH ? "length" : "stop";
    }

    public String model(String requested) {
        return last != null && !last.getModel().isBlank() ? last.getModel() : requested == null || requested.isBlank() ? "hkgai" : requested;
    }

    public int promptTokens() {
        return last != null && last.hasUsage() ? last.getUsage().getPromptTokens() : 0;
    }

    public int completionTokens() {
        return last != null && last.hasUsage() ? last.getUsage().getCompletionTokens() : 0;
    }
}
