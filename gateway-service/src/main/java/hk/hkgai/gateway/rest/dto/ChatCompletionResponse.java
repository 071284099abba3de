package hk.hkgai.gateway.rest.dto;

import java.util.List;

/** OpenAI's chat completion object plus the `hkgai` extension (action, language, citations). */
public record ChatCompletionResponse(
        String id,
        String object,
        long created,
        String model,
        List<Choice> choices,
        Usage usage,
        HkgaiExtension hkgai) {

    public record Choice(int index, AssistantMessage message, String finishReason) {
    }

    public record AssistantMessage(String role, String content) {
    }

    public record Usage(int promptTokens, int completionTokens, int totalTokens) {
    }
}
