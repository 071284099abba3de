package hk.hkgai.inference.backend.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.Usage;
import hk.hkgai.inference.backend.Delta;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the server-sent events of an OpenAI-compatible chat completion stream (vLLM, SGLang, TGI, OpenAI):
 * {@code data: {chunk}} lines with {@code choices[0].delta.content}, a {@code finish_reason}, an optional usage
 * chunk, and {@code data: [DONE]}. Comments, event names and blank lines are ignored.
 */
final class SseChunkParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one line meant: a delta (possibly empty), the end marker, or nothing. */
    record Event(Optional<Delta> delta, boolean done) {
        static final Event NONE = new Event(Optional.empty(), false);
        static final Event DONE = new Event(Optional.empty(), true);
    }

    Event parse(String line) {
        if (!line.startsWith("data:")) {
            return Event.NONE;
        }
        String data = line.substring(5).trim();
        if (data.equals("[DONE]")) {
            return Event.DONE;
        }
        if (data.isEmpty()) {
            return Event.NONE;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (IOException e) {
            throw new UpstreamFailure("the upstream sent a malformed stream chunk", e);
        }
        if (chunk.has("error")) {
            throw new UpstreamFailure("the upstream reported an error mid-stream: " + chunk.path("error").path("message").asText());
        }
        JsonNode choice = chunk.path("choices").path(0);
        String text = choice.path("delta").path("content").asText("");
        FinishReason finish = switch (choice.path("finish_reason").asText("")) {
            case "stop" -> FinishReason.FINISH_REASON_STOP;
            case "length" -> FinishReason.FINISH_REASON_LENGTH;
            case "" -> null;
            default -> FinishReason.FINISH_REASON_STOP; // content_filter, tool_calls: the text ended
        };
        JsonNode u = chunk.path("usage");
        Usage usage = u.isObject() ? Delta.usage(u.path("prompt_tokens").asInt(), u.path("completion_tokens").asInt()) : null;
        if (text.isEmpty() && finish == null && usage == null) {
            return Event.NONE;
        }
        return new Event(Optional.of(new Delta(text, finish, usage)), false);
    }
}
