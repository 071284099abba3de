package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.text.DocumentIds;
import hk.hkgai.text.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ROME parsing of the fixture feeds shipped in META-INF/resources/fixtures and of odd documents. */
class FeedParserTest {
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    private static final FeedDefinition RSS = feed("demo-hk-rss", "HK demo newswire", Optional.empty());
    private static final FeedDefinition ATOM = feed("demo-hk-atom", "HK demo bulletins", Optional.empty());

    @Test
    void rssFixture() throws IOException {
        Map<String, NewsItem> items = byTitle(FeedParser.parse(RSS, URI.create("http://127.0.0.1:8104/fixtures/hk-news-rss.xml"),
                fixture("hk-news-rss.xml"), Optional.of("application/xml"), NOW).items());
        assertThat(items).hasSize(4);

        NewsItem signal8 = items.get("天文台發出八號烈風或暴風信號");
        assertThat(signal8.getDocId()).isEqualTo(DocumentIds.fromUrl("https://news.hkgai.example/weather/2026/11/23/signal-8"));
        assertThat(signal8.getContentType()).isEqualTo("text/html");
        assertThat(signal8.getText()).startsWith("<p>天文台於晚上九時四十分");
        assertThat(published(signal8)).isEqualTo("2026-11-23T13:40:00Z"); // +0800
        assertThat(signal8.getSource()).isEqualTo("HK demo newswire");
        assertThat(signal8.getFeedId()).isEqualTo("demo-hk-rss");
        assertThat(signal8.getOrigin()).isEqualTo("feed");
        assertThat(signal8.getLanguage()).isEmpty(); // mixed feed: detected later
        assertThat(Protos.instant(signal8.getReceivedAt())).isEqualTo(NOW);

        NewsItem mtr = items.get("MTR: Tsuen Wan Line service resumes after signalling fault");
        assertThat(published(mtr)).isEqualTo("2026-11-23T23:20:00Z"); // GMT
        assertThat(mtr.getText()).contains("We apologise to passengers"); // content:encoded preferred over the shorter description
        // Tracking parameters do not change the id.
        assertThat(mtr.getDocId()).isEqualTo(DocumentIds.fromUrl("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line"));
        // The stored URL is canonical too: what citations link to carries no tracking parameters.
        assertThat(mtr.getUrl()).isEqualTo("https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line");

        assertThat(published(items.get("特区政府公布新一轮公共交通费用补贴计划"))).isEqualTo("2026-11-23T19:30:00Z"); // -0500
        NewsItem cold = items.get("Observatory: cold weather warning in force, temperatures to fall to 9 degrees");
        assertThat(cold.getContentType()).isEqualTo("text/html"); // RSS 2.0 descriptions are HTML by definition
        assertThat(published(cold)).isEqualTo("2026-11-24T08:45:00Z");
    }

    @Test
    void atomFixture() throws IOException {
        Map<String, NewsItem> items = byTitle(FeedParser.parse(ATOM, URI.create("http://127.0.0.1:8104/fixtures/hk-news-atom.xml"),
                fixture("hk-news-atom.xml"), Optional.of("application/atom+xml; charset=utf-8"), NOW).items());
        assertThat(items).hasSize(4);

        NewsItem legco = items.get("LegCo passes Stamp Duty (Amendment) Bill 2026");
        assertThat(published(legco)).isEqualTo("2026-11-24T10:05:00Z"); // <published> wins over <updated>
        assertThat(legco.getContentType()).isEqualTo("text/html");
        assertThat(legco.getText()).contains("<p>The Legislative Council passed").contains("82 votes"); // content over summary
        assertThat(legco.getUrl()).isEqualTo("https://bulletins.hkgai.example/legco/2026/11/24/stamp-duty-bill");

        assertThat(published(items.get("黃色暴雨警告信號現正生效"))).isEqualTo("2026-11-23T22:25:00Z"); // only <updated>

        NewsItem eastRail = items.get("港鐵：東鐵綫今朝訊號故障，班次有延誤");
        assertThat(eastRail.getContentType()).isEqualTo("text/plain");
        assertThat(eastRail.getText()).startsWith("港鐵話東鐵綫今朝七點半");

        NewsItem noLink = items.get("港珠澳大桥香港口岸新增自助通关通道");
        assertThat(noLink.getUrl()).isEmpty();
        assertThat(noLink.getDocId()).isEqualTo(DocumentIds.fromUrl("tag:hkgai.example,2026:hzmb-e-channels"));
    }

    @Test
    void feedLanguageHintRelativeLinksMissingDatesAndHeadlineOnlyEntries() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>
                  <item><title>Relative link</title><link>/news/1.html</link><description>Body one.</description></item>
                  <item><title>Headline only, no date</title><guid isPermaLink="false">local-42</guid></item>
                  <item><description></description></item>
                </channel></rss>""";
        FeedDefinition feed = feed("en-feed", "English feed", Optional.of(Lang.EN));
        List<NewsItem> items = FeedParser.parse(feed, URI.create("https://x.example/feeds/rss.xml"),
                rss.getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW).items();
        assertThat(items).hasSize(2); // the empty entry is skipped
        assertThat(items.get(0).getUrl()).isEqualTo("https://x.example/news/1.html");
        assertThat(items.get(0).getLanguage()).isEqualTo("en");
        assertThat(items.get(1).getText()).isEqualTo("Headline only, no date");
        assertThat(Protos.instant(items.get(1).getPublishedAt())).isEqualTo(NOW);
        // A guid that is not a URI is only unique within its feed: the feed id is part of the doc id.
        assertThat(items.get(1).getDocId()).isEqualTo(DocumentIds.fromUrl("guid:en-feed:local-42"));
    }

    @Test
    void garbageIsAParseFailure() {
        assertThatThrownBy(() -> FeedParser.parse(RSS, URI.create("http://x.example/"), "<<not xml>>".getBytes(StandardCharsets.UTF_8),
                Optional.of("text/html"), NOW))
                .isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.reason()).isEqualTo("parse"));
        assertThatThrownBy(() -> FeedParser.parse(RSS, URI.create("http://x.example/"),
                "<html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW))
                .isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.reason()).isEqualTo("parse"));
    }

    @Test
    void doctypesAreRefusedSoNoExternalEntityIsEverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title><link>https://x.example/</link><description>d</description></channel></rss>""";
        assertThatThrownBy(() -> FeedParser.parse(RSS, URI.create("http://x.example/"), xxe.getBytes(StandardCharsets.UTF_8),
                Optional.empty(), NOW))
                .isInstanceOf(FeedFetchException.class);
    }

    @Test
    void datesWithoutAZoneAreReadInTheFeedsZone() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><link>https://x.example/</link><description>d</description>
                  <item><title>Local RFC 822</title><link>https://x.example/1</link><pubDate>Tue, 24 Nov 2026 09:30:00</pubDate><description>One.</description></item>
                  <item><title>Local ISO-ish</title><link>https://x.example/2</link><pubDate>2026-11-24 09:30</pubDate><description>Two.</description></item>
                  <item><title>Dublin Core with zone</title><link>https://x.example/3</link><dc:date>2026-11-24T09:30:00+08:00</dc:date><description>Three.</description></item>
                  <item><title>HKT</title><link>https://x.example/4</link><pubDate>Tue, 24 Nov 2026 09:30:00 HKT</pubDate><description>Four.</description></item>
                </channel></rss>""";
        List<NewsItem> hk = FeedParser.parse(RSS, URI.create("https://x.example/rss"), rss.getBytes(StandardCharsets.UTF_8),
                Optional.empty(), NOW).items();
        assertThat(hk).extracting(FeedParserTest::published).containsOnly("2026-11-24T01:30:00Z");

        FeedDefinition london = new FeedDefinition("uk", "https://x.example/rss", "UK", Optional.empty(), Duration.ofMinutes(1),
                true, FeedFormat.RSS_ATOM, java.time.ZoneId.of("Europe/London"));
        List<NewsItem> uk = FeedParser.parse(london, URI.create("https://x.example/rss"), rss.getBytes(StandardCharsets.UTF_8),
                Optional.empty(), NOW).items();
        // Zone-less dates follow the feed's zone (GMT in November); dates with a zone stay exact.
        assertThat(uk).extracting(FeedParserTest::published)
                .containsExactly("2026-11-24T09:30:00Z", "2026-11-24T09:30:00Z", "2026-11-24T01:30:00Z", "2026-11-24T01:30:00Z");
    }

    @Test
    void aFeedCorrectlyDeclaringBig5ParsesAndBig5BytesDeclaredAsUtf8BecomeReplacementCharacters() throws Exception {
        String title = "天文台：明日天氣晴朗，氣溫回升";
        String text = "天文台預料，一股東北季候風會在周末為廣東沿岸帶來較涼的天氣。市民外出時應留意天氣變化。";
        String template = """
                <?xml version="1.0" encoding="%s"?>
                <rss version="2.0"><channel><title>香港天氣</title><link>https://x.example/</link><description>d</description>
                  <item><title>%s</title><link>https://x.example/big5</link><description>%s</description></item>
                </channel></rss>""";
        java.nio.charset.Charset big5 = java.nio.charset.Charset.forName("Big5");
        byte[] declaredBig5 = template.formatted("Big5", title, text).getBytes(big5);

        NewsItem fine = FeedParser.parse(RSS, URI.create("https://x.example/"), declaredBig5, Optional.of("application/rss+xml"), NOW)
                .items().get(0);
        assertThat(fine.getTitle()).isEqualTo(title);
        assertThat(fine.getText()).isEqualTo(text);
        // The HTTP charset, when given, must agree: a server saying Big5 for a Big5 document is fine too.
        assertThat(FeedParser.parse(RSS, URI.create("https://x.example/"), declaredBig5, Optional.of("text/xml; charset=Big5"), NOW)
                .items().get(0).getTitle()).isEqualTo(title);

        byte[] mislabelled = template.formatted("UTF-8", title, text).getBytes(big5);
        NewsItem garbled = FeedParser.parse(RSS, URI.create("https://x.example/"), mislabelled, Optional.empty(), NOW).items().get(0);
        assertThat(garbled.getTitle()).contains("\uFFFD").isNotEqualTo(title);
        assertThat(hk.hkgai.ingest.text.EncodingCheck.problem(garbled.getTitle(), garbled.getText())).contains("replacement characters");
    }

    static FeedDefinition feed(String id, String source, Optional<Lang> lang) {
        return new FeedDefinition(id, "${self}/fixtures/" + id, source, lang, Duration.ofSeconds(60), true);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getClassLoader().getResourceAsStream("META-INF/resources/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, NewsItem> byTitle(List<NewsItem> items) {
        return items.stream().collect(Collectors.toMap(NewsItem::getTitle, i -> i));
    }

    private static String published(NewsItem item) {
        return Protos.instant(item.getPublishedAt()).toString();
    }
}
