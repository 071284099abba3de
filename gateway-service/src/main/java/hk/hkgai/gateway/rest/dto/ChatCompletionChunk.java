package hk.hkgai.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One server-sent event of a streamed answer, OpenAI's {@code chat.completion.chunk}. The last content chunk
 * carries the finish reason and the {@code hkgai} extension (citations are known only at the end); with
 * {@code stream_options.include_usage} a final chunk with no choices carries the usage.
 */
public record ChatCompletionChunk(
        String id,
        String object,
        long created,
        String model,
        List<Choice> choices,
        @JsonInclude(JsonInclude.Include.NON_NULL) ChatCompletionResponse.Usage usage,
        @JsonInclude(JsonInclude.Include.NON_NULL) HkgaiExtension hkgai) {

    /** {@code finish_reason} is null until the last content chunk, and present as null (as OpenAI sends it). */
    public record Choice(int index, Delta delta, @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {
    }
}
