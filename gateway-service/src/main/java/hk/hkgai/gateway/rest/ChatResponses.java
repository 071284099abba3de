package hk.hkgai.gateway.rest;

import hk.hkgai.gateway.rest.dto.ChatCompletionResponse;
import hk.hkgai.gateway.rest.dto.HkgaiExtension;
import hk.hkgai.gateway.service.ChatOutcome;
import java.util.List;

/** An answer's outcome in OpenAI's shapes (shared by the whole response and the streamed chunks). */
final class ChatResponses {
    private ChatResponses() {
    }

    static ChatCompletionResponse whole(String id, String requestedModel, ChatOutcome outcome) {
        var choice = new ChatCompletionResponse.Choice(0, new ChatCompletionResponse.AssistantMessage("assistant", outcome.text()),
                outcome.finishReason());
        return new ChatCompletionResponse(id, "chat.completion", System.currentTimeMillis() / 1000, outcome.model(requestedModel),
                List.of(choice), usage(outcome), hkgai(outcome));
    }

    static HkgaiExtension hkgai(ChatOutcome outcome) {
        return new HkgaiExtension(ActionNames.of(outcome.action()), outcome.language().code(),
                outcome.citations().stream().map(Citations::of).toList());
    }

    static ChatCompletionResponse.Usage usage(ChatOutcome outcome) {
        return new ChatCompletionResponse.Usage(outcome.promptTokens(), outcome.completionTokens(),
                outcome.promptTokens() + outcome.completionTokens());
    }
}
