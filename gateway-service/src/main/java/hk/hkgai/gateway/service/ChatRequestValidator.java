package hk.hkgai.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import hk.hkgai.gateway.config.GatewayConfig;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.rest.dto.ChatCompletionRequest;
import hk.hkgai.gateway.rest.dto.ChatMessageDto;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a chat request the way OpenAI does and names the offending parameter. */
@ApplicationScoped
public class ChatRequestValidator {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
    private static final int MAX_STOP = 4;

    private final GatewayConfig config;

    public ChatRequestValidator(GatewayConfig config) {
        this.config = config;
    }

    public ChatInput validate(ChatCompletionRequest r) {
        if (r == null) {
            throw ApiException.badRequest(null, "The request body must be a JSON object.");
        }
        if (r.messages() == null || r.messages().isEmpty()) {
            throw ApiException.badRequest("messages", "Missing required parameter: 'messages'.");
        }
        if (r.messages().size() > config.maxMessages()) {
            throw ApiException.badRequest("messages", "Too many messages: " + r.messages().size() + " (limit " + config.maxMessages() + ").");
        }
        if (r.n() != null && r.n() != 1) {
            throw ApiException.badRequest("n", "Only n=1 is supported.");
        }
        List<ChatMessage> messages = new ArrayList<>();
        boolean hasUser = false;
        for (int i = 0; i < r.messages().size(); i++) {
            ChatMessageDto m = r.messages().get(i);
            String param = "messages[" + i + "]";
            if (m == null || m.role() == null || !ROLES.contains(m.role())) {
                throw ApiException.badRequest(param + ".role", "Invalid role in " + param + ": expected one of system, developer, user, assistant.");
            }
            String content = text(m.content(), param + ".content");
            if (content.length() > config.maxMessageChars()) {
                throw ApiException.badRequest(param + ".content", param + ".content is longer than " + config.maxMessageChars() + " characters.");
            }
            // "developer" is OpenAI's newer name for the system role.
            String role = m.role().equals("developer") ? "system" : m.role();
            hasUser |= role.equals("user");
            messages.add(ChatMessage.newBuilder().setRole(role).setContent(content).build());
        }
        if (!hasUser) {
            throw ApiException.badRequest("messages", "'messages' must contain at least one message with role 'user'.");
        }
        // Empty model = the inference worker's configured default.
        String model = r.model() == null || r.model().equals(config.defaultModelAlias()) ? "" : r.model();
        boolean stream = Boolean.TRUE.equals(r.stream());
        if (r.streamOptions() != null && !stream) {
            throw ApiException.badRequest("stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
        }
        boolean includeUsage = stream && r.streamOptions() != null && Boolean.TRUE.equals(r.streamOptions().includeUsage());
        return new ChatInput(model, List.copyOf(messages), params(r), stream, includeUsage);
    }

    private static String text(JsonNode content, String param) {
        if (content == null || content.isNull()) {
            throw ApiException.badRequest(param, "Missing required parameter: '" + param + "'.");
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw ApiException.badRequest(param, "Only text content parts are supported in '" + param + "'.");
                }
                sb.append(sb.isEmpty() ? "" : "\n").append(part.get("text").asText());
            }
            return sb.toString();
        }
        throw ApiException.badRequest(param, "'" + param + "' must be a string or an array of text parts.");
    }

    private static SamplingParams params(ChatCompletionRequest r) {
        SamplingParams.Builder p = SamplingParams.newBuilder();
        if (r.temperature() != null) {
            if (r.temperature() < 0 || r.temperature() > 2) {
                throw ApiException.badRequest("temperature", "'temperature' must be between 0 and 2.");
            }
            p.setTemperature(r.temperature().floatValue());
        }
        if (r.topP() != null) {
            if (r.topP() <= 0 || r.topP() > 1) {
                throw ApiException.badRequest("top_p", "'top_p' must be greater than 0 and at most 1.");
            }
            p.setTopP(r.topP().floatValue());
        }
        Integer maxTokens = r.maxCompletionTokens() != null ? r.maxCompletionTokens() : r.maxTokens();
        if (maxTokens != null) {
            if (maxTokens < 1) {
                throw ApiException.badRequest("max_tokens", "'max_tokens' must be at least 1.");
            }
            p.setMaxTokens(maxTokens);
        }
        if (r.seed() != null) {
            p.setSeed(r.seed());
        }
        JsonNode stop = r.stop();
        if (stop != null && !stop.isNull()) {
            if (stop.isTextual()) {
                p.addStop(stop.asText());
            } else if (stop.isArray() && stop.size() <= MAX_STOP) {
                for (JsonNode s : stop) {
                    if (!s.isTextual()) {
                        throw ApiException.badRequest("stop", "'stop' must be a string or an array of up to 4 strings.");
                    }
                    p.addStop(s.asText());
                }
            } else {
                throw ApiException.badRequest("stop", "'stop' must be a string or an array of up to 4 strings.");
            }
        }
        return p.build();
    }
}
