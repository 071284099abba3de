package hk.hkgai.ingest.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.ingest.text.UrlCanonicalizer;
import hk.hkgai.text.DocumentIds;
import hk.hkgai.text.Lang;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates a {@code POST /v1/documents} body and turns it into NewsItems. The body is one document or an
 * array of them: {@code {"id","title","text","url","source","lang","published_at"}}; only text is
 * required. Unknown fields are ignored (pushers may send their own metadata). Errors name the offending
 * field as {@code param}: "text" for a single document, "[3].text" inside an array. URLs are stored canonical
 * (no tracking parameters, see UrlCanonicalizer), which is also what an id is derived from when none is given.
 */
public final class PushRequestParser {
    public static final String ORIGIN = "push";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int maxDocuments;

    public PushRequestParser(int maxDocuments) {
        this.maxDocuments = maxDocuments;
    }

    public List<NewsItem> parse(byte[] body, Instant receivedAt) {
        JsonNode root = readJson(body);
        List<NewsItem> items = new ArrayList<>();
        if (root.isObject()) {
            items.add(toItem(root, "", receivedAt));
        } else if (root.isArray()) {
            if (root.isEmpty()) {
                throw ApiException.invalid("The array of documents is empty.", null, "empty_array");
            }
            if (root.size() > maxDocuments) {
                throw ApiException.invalid("Too many documents in one request: " + root.size() + " (at most "
                        + maxDocuments + "). Split the batch.", null, "too_many_documents");
            }
            for (int i = 0; i < root.size(); i++) {
                JsonNode doc = root.get(i);
                String prefix = "[" + i + "]";
                if (!doc.isObject()) {
                    throw ApiException.invalid("Document " + prefix + " must be a JSON object, not " + describe(doc) + ".",
                            prefix, "invalid_type");
                }
                items.add(toItem(doc, prefix + ".", receivedAt));
            }
        } else {
            throw ApiException.invalid("The body must be a JSON object (one document) or an array of objects, not "
                    + describe(root) + ".", null, "invalid_type");
        }
        return items;
    }

    private static JsonNode readJson(byte[] body) {
        if (body.length == 0) {
            throw ApiException.invalid("The request body is empty; expected a JSON document or an array of documents.",
                    null, "invalid_json");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw ApiException.invalid("The request body holds no JSON value.", null, "invalid_json");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw ApiException.invalid("We could not parse the JSON body of your request: " + e.getOriginalMessage()
                    + where + ".", null, "invalid_json");
        } catch (IOException e) {
            throw ApiException.invalid("We could not read the JSON body of your request: " + e.getMessage(), null, "invalid_json");
        }
    }

    private static NewsItem toItem(JsonNode doc, String prefix, Instant receivedAt) {
        String text = string(doc, "text", prefix);
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(text == null ? "Missing required parameter: '" + prefix + "text'."
                    : "'" + prefix + "text' must not be blank.", prefix + "text", text == null ? "missing_required_parameter" : "invalid_value");
        }
        String title = orEmpty(string(doc, "title", prefix));
        String url = string(doc, "url", prefix);
        if (url != null && !url.isBlank()) {
            checkUrl(url.strip(), prefix + "url");
        }
        String id = string(doc, "id", prefix);
        String docId;
        if (id != null) {
            if (!DocumentIds.isValid(id)) {
                throw ApiException.invalid("'" + prefix + "id' must be " + DocumentIds.describeValid() + ".",
                        prefix + "id", "invalid_value");
            }
            docId = id;
        } else if (url != null && !url.isBlank()) {
            docId = UrlCanonicalizer.docId(url);
        } else {
            docId = DocumentIds.fromContent(title, text);
        }
        String lang = string(doc, "lang", prefix);
        String language = "";
        if (lang != null && !lang.isBlank()) {
            language = Lang.fromCode(lang).map(Lang::code).orElseThrow(() -> ApiException.invalid(
                    "'" + prefix + "lang' must be one of yue, zh-Hant, zh-Hans, en (or omitted to detect it), not '" + lang + "'.",
                    prefix + "lang", "invalid_value"));
        }
        String published = string(doc, "published_at", prefix);
        Instant publishedAt = receivedAt;
        if (published != null && !published.isBlank()) {
            try {
                publishedAt = OffsetDateTime.parse(published.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("'" + prefix + "published_at' must be an ISO-8601 date-time with an offset, "
                        + "e.g. 2026-11-24T09:30:00+08:00, not '" + published + "'.", prefix + "published_at", "invalid_value");
            }
        }
        return NewsItem.newBuilder()
                .setDocId(docId)
                .setTitle(title)
                .setText(text)
                .setContentType("text/plain")
                .setUrl(url == null ? "" : UrlCanonicalizer.canonicalize(url))
                .setSource(orEmpty(string(doc, "source", prefix)).strip())
                .setLanguage(language)
                .setPublishedAt(Protos.timestamp(publishedAt))
                .setReceivedAt(Protos.timestamp(receivedAt))
                .setOrigin(ORIGIN)
                .build();
    }

    /** The field as a string; null when absent or JSON null; 400 when it is another type. */
    private static String string(JsonNode doc, String field, String prefix) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalid("'" + prefix + field + "' must be a string, not " + describe(v) + ".",
                    prefix + field, "invalid_type");
        }
        return v.textValue();
    }

    private static void checkUrl(String url, String param) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // fall through
        }
        throw ApiException.invalid("'" + param + "' must be an absolute http(s) URL.", param, "invalid_value");
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
