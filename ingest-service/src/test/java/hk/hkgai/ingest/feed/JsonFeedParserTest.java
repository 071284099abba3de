package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.text.DocumentIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonFeedParserTest {
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    private static final FeedDefinition FEED = new FeedDefinition("demo-jsonfeed", "${self}/fixtures/hk-news-jsonfeed.json",
            "HK demo wire", Optional.empty(), Duration.ofMinutes(1), true, FeedFormat.JSON_FEED, FeedDefinition.DEFAULT_ZONE);
    private static final URI BASE = URI.create("http://127.0.0.1:8104/fixtures/hk-news-jsonfeed.json");

    @Test
    void fixture() throws Exception {
        ParsedFeed parsed = FeedParser.parse(FEED, BASE, FeedParserTest.fixture("hk-news-jsonfeed.json"),
                Optional.of("application/json"), NOW);
        assertThat(parsed.rejected()).isEmpty();
        List<NewsItem> items = parsed.items();
        assertThat(items).hasSize(3);

        NewsItem sc = items.get(0);
        assertThat(sc.getTitle()).isEqualTo("黄色暴雨警告信号现正生效");
        assertThat(sc.getContentType()).isEqualTo("text/html");
        assertThat(sc.getUrl()).isEqualTo("https://wire.hkgai.example/2026/11/24/amber-rainstorm-sc"); // utm_source dropped
        assertThat(sc.getDocId()).isEqualTo(DocumentIds.fromUrl("https://wire.hkgai.example/2026/11/24/amber-rainstorm-sc"));
        assertThat(sc.getLanguage()).isEqualTo("zh-Hans"); // item language zh-CN
        assertThat(Protos.instant(sc.getPublishedAt())).isEqualTo(Instant.parse("2026-11-23T22:35:00Z"));
        assertThat(sc.getFeedId()).isEqualTo("demo-jsonfeed");
        assertThat(sc.getSource()).isEqualTo("HK demo wire");
        assertThat(sc.getOrigin()).isEqualTo("feed");

        assertThat(items.get(1).getLanguage()).isEqualTo("en");

        NewsItem ferry = items.get(2);
        assertThat(ferry.getContentType()).isEqualTo("text/plain");
        assertThat(ferry.getUrl()).isEmpty();
        // No url and an id that is not a URI: unique within the feed, so the feed id is part of the doc id.
        assertThat(ferry.getDocId()).isEqualTo(DocumentIds.fromUrl("guid:demo-jsonfeed:wire-demo-20261124-ferry"));
        // "2026-11-24T16:30:00" has no offset: Hong Kong time.
        assertThat(Protos.instant(ferry.getPublishedAt())).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
        assertThat(ferry.getLanguage()).isEmpty(); // detected later
    }

    @Test
    void versionOneTextFallbacksAndAMalformedEntryRejectedAlone() {
        String json = """
                {"version": "https://jsonfeed.org/version/1", "title": "t", "language": "en",
                 "items": [
                   {"id": 42, "url": "/news/42", "summary": "Only a summary.", "date_modified": "2026-11-24T09:00:00+08:00"},
                   "not an item",
                   {"id": "h1", "title": "Headline only"},
                   {"id": "empty"}
                 ]}""";
        ParsedFeed parsed = FeedParser.parse(FEED, URI.create("https://x.example/feed.json"),
                json.getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW);
        assertThat(parsed.items()).hasSize(2);
        NewsItem first = parsed.items().get(0);
        assertThat(first.getUrl()).isEqualTo("https://x.example/news/42");
        assertThat(first.getText()).isEqualTo("Only a summary.");
        assertThat(first.getLanguage()).isEqualTo("en"); // feed-level language
        assertThat(Protos.instant(first.getPublishedAt())).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(parsed.items().get(1).getText()).isEqualTo("Headline only");
        assertThat(parsed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo("malformed_entry");
            assertThat(r.reason()).contains("items[1]").doesNotContain("not an item");
            assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("\"not an item\"");
        });
    }

    @Test
    void badlyEncodedEntriesSurviveTheParseAndAreLeftToTheItemChecks() {
        // A Big5 title inside a document served as UTF-8: the parse goes on, the title carries U+FFFD.
        byte[] start = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"b\", \"title\": \""
                .getBytes(StandardCharsets.UTF_8);
        byte[] big5 = "九龍灣道路封閉".getBytes(java.nio.charset.Charset.forName("Big5"));
        byte[] end = "\", \"content_text\": \"ok\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + big5.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(big5, 0, body, start.length, big5.length);
        System.arraycopy(end, 0, body, start.length + big5.length, end.length);
        NewsItem item = FeedParser.parse(FEED, BASE, body, Optional.of("application/feed+json"), NOW).items().get(0);
        assertThat(item.getTitle()).contains("\uFFFD");
    }

    @Test
    void notAJsonFeedIsAParseFailure() {
        for (String doc : List.of("<rss/>", "[]", "{\"items\": []}", "{\"version\": \"https://jsonfeed.org/version/1.1\"}")) {
            assertThatThrownBy(() -> FeedParser.parse(FEED, BASE, doc.getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW))
                    .as(doc).isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.reason()).isEqualTo("parse"));
        }
    }
}
