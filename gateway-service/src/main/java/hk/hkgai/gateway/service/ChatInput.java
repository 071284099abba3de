package hk.hkgai.gateway.service;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import java.util.List;

/**
 * A validated chat request: the conversation as protobuf turns and the sampling parameters; {@code model} is ""
 * for the worker's default model.
 */
public record ChatInput(String model, List<ChatMessage> messages, SamplingParams params, boolean stream, boolean includeUsage) {

    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).getRole())) {
                return messages.get(i).getContent();
            }
        }
        throw new IllegalStateException("validated input has a user turn");
    }

    /** The conversation with the last user turn replaced (e.g. by its redacted form). */
    public List<ChatMessage> withLastUserText(String text) {
        List<ChatMessage> copy = new java.util.ArrayList<>(messages);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if ("user".equals(copy.get(i).getRole())) {
                copy.set(i, copy.get(i).toBuilder().setContent(text).build());
                break;
            }
        }
        return copy;
    }
}
