package hk.hkgai.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import hk.hkgai.gateway.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/** OpenAI's {@code input}: a string or an array of strings (moderations, embeddings), checked with limits. */
final class TextInputs {
    private TextInputs() {
    }

    static List<String> of(JsonNode body, int maxInputs, int maxChars) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(null, "The body must be a JSON object with an 'input' field.");
        }
        JsonNode input = body.get("input");
        List<String> out = new ArrayList<>();
        if (input != null && input.isTextual()) {
            out.add(input.asText());
        } else if (input != null && input.isArray()) {
            for (JsonNode n : input) {
                if (n.isNumber() || n.isArray()) {
                    throw ApiException.badRequest("input", "Token arrays are not supported in 'input': send the text.");
                }
                if (!n.isTextual()) {
                    throw ApiException.badRequest("input", "'input' must be a string or an array of strings.");
                }
                out.add(n.asText());
            }
        } else {
            throw ApiException.badRequest("input", "'input' must be a string or an array of strings.");
        }
        if (out.isEmpty() || out.size() > maxInputs) {
            throw ApiException.badRequest("input", "'input' must hold 1 to " + maxInputs + " texts.");
        }
        for (String s : out) {
            if (s.isBlank() || s.length() > maxChars) {
                throw ApiException.badRequest("input", "Each input must be a non-empty text of at most " + maxChars + " characters.");
            }
        }
        return out;
    }
}
