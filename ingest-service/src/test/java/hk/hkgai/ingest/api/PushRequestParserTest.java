package hk.hkgai.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.text.DocumentIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushRequestParserTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final PushRequestParser parser = new PushRequestParser(3);

    @Test
    void oneDocumentWithEveryField() {
        NewsItem item = parse("""
                {"id": "rthk-2026-11-24-001", "title": "標題", "text": "內容。", "url": "https://news.example/1",
                 "source": " RTHK ", "lang": "zh-HK", "published_at": "2026-11-24T09:30:00+08:00", "extra": {"ignored": true}}
                """).get(0);
        assertThat(item.getDocId()).isEqualTo("rthk-2026-11-24-001");
        assertThat(item.getTitle()).isEqualTo("標題");
        assertThat(item.getText()).isEqualTo("內容。");
        assertThat(item.getContentType()).isEqualTo("text/plain");
        assertThat(item.getSource()).isEqualTo("RTHK");
        assertThat(item.getLanguage()).isEqualTo("zh-Hant"); // alias normalized
        assertThat(Protos.instant(item.getPublishedAt())).isEqualTo(Instant.parse("2026-11-24T01:30:00Z"));
        assertThat(Protos.instant(item.getReceivedAt())).isEqualTo(NOW);
        assertThat(item.getOrigin()).isEqualTo("push");
        assertThat(item.getFeedId()).isEmpty();
    }

    @Test
    void idsAreDerivedFromTheUrlElseTheContent() {
        List<NewsItem> items = parse("""
                [{"text": "a", "url": "https://news.example/2?utm_source=x"}, {"title": "t", "text": "b"}, {"text": "c", "lang": null}]
                """);
        assertThat(items).extracting(NewsItem::getDocId).containsExactly(
                DocumentIds.fromUrl("https://news.example/2"), DocumentIds.fromContent("t", "b"), DocumentIds.fromContent("", "c"));
        assertThat(Protos.instant(items.get(0).getPublishedAt())).isEqualTo(NOW); // no published_at: received time
        assertThat(items.get(2).getLanguage()).isEmpty(); // detect later
    }

    @Test
    void malformedJsonNamesTheProblem() {
        assertError("{\"text\": \"abc\",", 400, "invalid_json", null, "parse the JSON body");
        assertError("{\"text\": \"a\"} trailing", 400, "invalid_json", null, "line 1");
        assertError("{\"text\": \"a\", \"text\": \"b\"}", 400, "invalid_json", null, "Duplicate field 'text'");
        assertError("", 400, "invalid_json", null, "empty");
        assertError("\"just a string\"", 400, "invalid_type", null, "not a string");
    }

    @Test
    void validationErrorsNameTheParameter() {
        assertError("{\"title\": \"x\"}", 400, "missing_required_parameter", "text", "'text'");
        assertError("{\"text\": \" \\n \"}", 400, "invalid_value", "text", "blank");
        assertError("{\"text\": 42}", 400, "invalid_type", "text", "must be a string, not a number");
        assertError("[{\"text\": \"a\"}, 7]", 400, "invalid_type", "[1]", "must be a JSON object");
        assertError("[{\"text\": \"a\"}, {\"text\": \"b\", \"lang\": \"fr\"}]", 400, "invalid_value", "[1].lang", "yue, zh-Hant");
        assertError("{\"text\": \"a\", \"id\": \"has space\"}", 400, "invalid_value", "id", "1-128 characters");
        assertError("{\"text\": \"a\", \"url\": \"javascript:alert(1)\"}", 400, "invalid_value", "url", "http(s)");
        assertError("{\"text\": \"a\", \"published_at\": \"2026-11-24T09:30:00\"}", 400, "invalid_value", "published_at", "offset");
        assertError("[]", 400, "empty_array", null, "empty");
        assertError("[{\"text\":\"a\"},{\"text\":\"a\"},{\"text\":\"a\"},{\"text\":\"a\"}]", 400, "too_many_documents", null, "at most 3");
    }

    private List<NewsItem> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private void assertError(String json, int status, String code, String param, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.type()).isEqualTo(ApiException.INVALID_REQUEST);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.param()).isEqualTo(param);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
