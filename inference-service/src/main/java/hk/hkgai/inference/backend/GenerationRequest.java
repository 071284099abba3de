package hk.hkgai.inference.backend;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.ContextPassage;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import hk.hkgai.text.Lang;
import java.util.List;

/**
 * A validated request, as a backend sees it: the model is resolved, there is a user turn ({@code question} is
 * the last one) and the answer language is known (requested, or detected from the question).
 */
public record GenerationRequest(String requestId, String model, List<ChatMessage> messages,
                                List<ContextPassage> context, SamplingParams params, Lang language,
                                String question) {
    public GenerationRequest {
        messages = List.copyOf(messages);
        context = List.copyOf(context);
    }
}
