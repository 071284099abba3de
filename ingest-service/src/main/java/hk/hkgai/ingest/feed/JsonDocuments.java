package hk.hkgai.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON feed documents (JSON Feed, HKO open data) to a tree. The bytes are decoded here rather than by Jackson:
 * Jackson stops at the first malformed UTF-8 byte, which would lose a whole feed to one badly encoded entry;
 * decoded with replacement characters instead, that entry alone is rejected later (bad_encoding).
 */
final class JsonDocuments {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9._:-]+)\"?", Pattern.CASE_INSENSITIVE);

    private JsonDocuments() {
    }

    static JsonNode read(byte[] body, Optional<String> contentType, String what) {
        String text = new String(body, charset(contentType));
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new FeedFetchException("parse", "empty document (expected " + what + ")");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new FeedFetchException("parse", "not JSON (expected " + what + "): " + FeedItems.oneLine(e.getOriginalMessage()), e);
        }
    }

    /** The declared charset, else UTF-8 (RFC 8259: JSON exchanged between systems is UTF-8). */
    static Charset charset(Optional<String> contentType) {
        if (contentType.isPresent()) {
            Matcher m = CHARSET.matcher(contentType.get());
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // unknown charset name: fall through to UTF-8
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** A string field (numbers are accepted as their text, as some JSON Feed generators write ids); null if absent. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.strip();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            return node.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
