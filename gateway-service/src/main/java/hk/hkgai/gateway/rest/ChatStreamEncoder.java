package hk.hkgai.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.error.ErrorResponse;
import hk.hkgai.gateway.rest.dto.ChatCompletionChunk;
import hk.hkgai.gateway.rest.dto.HkgaiExtension;
import hk.hkgai.gateway.service.ChatEvent;
import hk.hkgai.gateway.service.ChatOutcome;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns an answer's events into OpenAI's server-sent events: a first chunk with the assistant role, content
 * chunks, a last chunk with the finish reason (and our {@code hkgai} extension), an optional usage chunk, then
 * {@code data: [DONE]}. A failure after the stream started ends it with an {@code error} event in the API's error
 * shape (what the OpenAI SDKs raise as an APIError); a stack trace never reaches the client. One instance per
 * stream.
 */
final class ChatStreamEncoder {
    private static final Logger LOG = Logger.getLogger(ChatStreamEncoder.class);
    static final Map<String, List<String>> HEADERS = Map.of(
            "Content-Type", List.of("text/event-stream; charset=utf-8"),
            "Cache-Control", List.of("no-cache"),
            // Proxies (nginx) must not buffer the stream.
            "X-Accel-Buffering", List.of("no"));

    private final ObjectMapper json;
    private final String id;
    private final long created = System.currentTimeMillis() / 1000;
    private final boolean includeUsage;
    private String model;
    private boolean started;
    private boolean shownText;

    ChatStreamEncoder(ObjectMapper json, String id, String requestedModel, boolean includeUsage) {
        this.json = json;
        this.id = id;
        this.model = requestedModel;
        this.includeUsage = includeUsage;
    }

    Multi<Buffer> encode(Multi<ChatEvent> events) {
        return events.onItem().transformToIterable(this::chunks)
                .onFailure().recoverWithItem(this::error);
    }

    private List<Buffer> chunks(ChatEvent event) {
        List<Buffer> out = new ArrayList<>(4);
        if (event instanceof ChatEvent.Text t && !t.model().isEmpty()) {
            model = t.model();
        } else if (event instanceof ChatEvent.Done d) {
            model = d.outcome().model(model);
        }
        if (!started) {
            started = true;
            out.add(data(chunk(new ChatCompletionChunk.Delta("assistant", ""), null, null)));
        }
        if (event instanceof ChatEvent.Text t) {
            shownText = true;
            out.add(data(chunk(new ChatCompletionChunk.Delta(null, t.text()), null, null)));
        } else if (event instanceof ChatEvent.Refused r) {
            // What was shown stays shown (it passed the guard); the refusal follows it.
            out.add(data(chunk(new ChatCompletionChunk.Delta(null, (shownText ? "\n\n" : "") + r.message()), null, null)));
            shownText = true;
        } else if (event instanceof ChatEvent.Done d) {
            ChatOutcome o = d.outcome();
            out.add(data(chunk(new ChatCompletionChunk.Delta(null, null), o.finishReason(), ChatResponses.hkgai(o))));
            if (includeUsage) {
                out.add(data(new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(),
                        ChatResponses.usage(o), null)));
            }
            out.add(Buffer.buffer("data: [DONE]\n\n"));
        }
        return out;
    }

    private ChatCompletionChunk chunk(ChatCompletionChunk.Delta delta, String finishReason, HkgaiExtension hkgai) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model,
                List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)), null, hkgai);
    }

    private Buffer error(Throwable failure) {
        ApiException api = failure instanceof ApiException a ? a
                : new ApiException(500, "server_error", null, null, "The server had an error while processing your request", Map.of());
        if (!(failure instanceof ApiException)) {
            LOG.errorf(failure, "stream %s failed", id);
        }
        return data(ErrorResponse.of(api));
    }

    private Buffer data(Object value) {
        try {
            return Buffer.buffer("data: " + json.writeValueAsString(value) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
