package hk.hkgai.inference.backend;

import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.Usage;

/**
 * A piece of generated text, or (with {@code finish} set) the backend's own end of the answer. {@code usage} is
 * the backend's exact token count so far (prompt and completion) where it has one (a tokenizing backend),
 * null where the service must estimate.
 */
public record Delta(String text, FinishReason finish, Usage usage) {
    public static Delta text(String text) {
        return new Delta(text, null, null);
    }

    public static Delta finish(FinishReason reason) {
        return new Delta("", reason, null);
    }

    public static Usage usage(int promptTokens, int completionTokens) {
        return Usage.newBuilder().setPromptTokens(promptTokens).setCompletionTokens(completionTokens).build();
    }
}
