package hk.hkgai.gateway.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** OpenAI's chat completion request; unknown fields are ignored as OpenAI-compatible servers do. */
public record ChatCompletionRequest(
        String model,
        List<ChatMessageDto> messages,
        Boolean stream,
        Double temperature,
        Double topP,
        Integer maxTokens,
        Integer maxCompletionTokens,
        JsonNode stop,
        Long seed,
        String user,
        Integer n,
        StreamOptions streamOptions) {

    /** {@code include_usage}: a streamed answer ends with a chunk that carries the usage and no choices. */
    public record StreamOptions(Boolean includeUsage) {
    }
}
