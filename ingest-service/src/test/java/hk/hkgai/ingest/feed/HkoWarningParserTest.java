package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.text.DocumentIds;
import hk.hkgai.text.Lang;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HkoWarningParserTest {
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final URI URL = URI.create("https://data.weather.gov.hk/weatherAPI/opendata/weather.php?dataType=warnsum&lang=tc");

    @Test
    void warnsumInTraditionalChinese() throws Exception {
        FeedDefinition feed = feed("hko-warnsum-tc", "香港天文台", Lang.ZH_HANT);
        ParsedFeed parsed = FeedParser.parse(feed, URL, FeedParserTest.fixture("hko-warnsum-tc.json"), Optional.of("application/json"), NOW);
        assertThat(parsed.rejected()).isEmpty();
        List<NewsItem> items = parsed.items();
        assertThat(items).hasSize(2);

        NewsItem rain = items.get(0);
        assertThat(rain.getTitle()).isEqualTo("天文台發出黃色暴雨警告信號");
        assertThat(rain.getText()).isEqualTo("香港天文台於2026年11月24日06時25分發出黃色暴雨警告信號。");
        assertThat(rain.getDocId()).isEqualTo("hko:hko-warnsum-tc:WRAIN:WRAINA:" + Instant.parse("2026-11-23T22:25:00Z").getEpochSecond());
        assertThat(DocumentIds.isValid(rain.getDocId())).isTrue();
        assertThat(Protos.instant(rain.getPublishedAt())).isEqualTo(Instant.parse("2026-11-23T22:25:00Z"));
        assertThat(rain.getSource()).isEqualTo("香港天文台");
        assertThat(rain.getLanguage()).isEqualTo("zh-Hant");
        assertThat(rain.getContentType()).isEqualTo("text/plain");

        NewsItem thunder = items.get(1);
        assertThat(thunder.getTitle()).isEqualTo("天文台延長雷暴警告");
        assertThat(thunder.getText()).isEqualTo("香港天文台於2026年11月24日07時30分延長雷暴警告。此警告於2026年11月24日05時10分首次發出。"
                + "預計於2026年11月24日11時00分屆滿。");
        assertThat(thunder.getDocId()).endsWith(":WTS:" + Instant.parse("2026-11-23T23:30:00Z").getEpochSecond());
    }

    @Test
    void aTropicalCycloneSignalIsNamedByItsCode() {
        FeedDefinition feed = feed("hko-warnsum-tc", "香港天文台", Lang.ZH_HANT);
        NewsItem signal = parse(feed, """
                {"WTCSGNL": {"name": "熱帶氣旋警告信號", "code": "TC8NE", "type": "八號東北烈風或暴風信號", "actionCode": "ISSUE",
                             "issueTime": "2026-11-23T21:40:00+08:00", "updateTime": "2026-11-23T21:40:00+08:00"}}""").get(0);
        assertThat(signal.getTitle()).isEqualTo("天文台發出八號東北烈風或暴風信號");
        assertThat(signal.getText()).isEqualTo("香港天文台於2026年11月23日21時40分發出八號東北烈風或暴風信號。");
        assertThat(signal.getDocId()).isEqualTo("hko:hko-warnsum-tc:WTCSGNL:TC8NE:" + Instant.parse("2026-11-23T13:40:00Z").getEpochSecond());
    }

    @Test
    void warnsumInEnglishAndAnUpdateIsANewBulletinWhileARefetchIsNot() {
        FeedDefinition feed = feed("hko-warnsum-en", "Hong Kong Observatory", Lang.EN);
        String first = """
                {"WRAIN": {"name": "Rainstorm Warning Signal", "code": "WRAINA", "actionCode": "ISSUE",
                           "issueTime": "2026-11-24T06:25:00+08:00", "updateTime": "2026-11-24T06:25:00+08:00"}}""";
        String update = first.replace("\"WRAINA\", \"actionCode\": \"ISSUE\"", "\"WRAINR\", \"actionCode\": \"ISSUE\"")
                .replace("\"updateTime\": \"2026-11-24T06:25:00+08:00\"", "\"updateTime\": \"2026-11-24T07:10:00+08:00\"");
        NewsItem amber = parse(feed, first).get(0);
        assertThat(amber.getTitle()).isEqualTo("Observatory issues Amber Rainstorm Warning Signal");
        assertThat(amber.getText()).isEqualTo("The Hong Kong Observatory issued the Amber Rainstorm Warning Signal at 06:25 HKT on 24 November 2026.");
        assertThat(parse(feed, first).get(0).getDocId()).isEqualTo(amber.getDocId());
        NewsItem red = parse(feed, update).get(0);
        assertThat(red.getTitle()).isEqualTo("Observatory issues Red Rainstorm Warning Signal");
        assertThat(red.getText()).contains("at 07:10 HKT", "first issued at 06:25 HKT");
        assertThat(red.getDocId()).isNotEqualTo(amber.getDocId());
    }

    @Test
    void warningInfoInEnglish() throws Exception {
        FeedDefinition feed = feed("hko-warninginfo-en", "Hong Kong Observatory", Lang.EN);
        List<NewsItem> items = FeedParser.parse(feed, URL, FeedParserTest.fixture("hko-warninginfo-en.json"), Optional.empty(), NOW).items();
        assertThat(items).hasSize(2);
        NewsItem rain = items.get(0);
        assertThat(rain.getTitle()).isEqualTo("Amber Rainstorm Warning Signal");
        assertThat(rain.getText()).startsWith("The Amber Rainstorm Warning Signal was issued at 6:25 a.m.\n\nThis means");
        assertThat(rain.getDocId()).isEqualTo("hko:hko-warninginfo-en:WRAIN:WRAINA:" + Instant.parse("2026-11-23T22:30:00Z").getEpochSecond());
        assertThat(items.get(1).getTitle()).isEqualTo("Thunderstorm Warning");
    }

    @Test
    void simplifiedFeedsGetSimplifiedText() {
        FeedDefinition feed = feed("hko-warnsum-sc", "香港天文台", Lang.ZH_HANS);
        NewsItem item = parse(feed, """
                {"WCOLD": {"name": "寒冷天气警告", "code": "WCOLD", "actionCode": "ISSUE",
                           "issueTime": "2026-11-24T16:45:00+08:00", "updateTime": "2026-11-24T16:45:00+08:00"}}""").get(0);
        assertThat(item.getTitle()).isEqualTo("天文台发出寒冷天气警告");
        assertThat(item.getLanguage()).isEqualTo("zh-Hans");
    }

    @Test
    void noWarningIsAnEmptyFeedAndBrokenEntriesAreRejectedAlone() {
        FeedDefinition feed = feed("hko-warnsum-en", "Hong Kong Observatory", Lang.EN);
        assertThat(FeedParser.parse(feed, URL, "{}".getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW).items()).isEmpty();
        ParsedFeed parsed = FeedParser.parse(feed, URL, """
                {"WHOT": {"name": "Very Hot Weather Warning", "code": "WHOT", "actionCode": "ISSUE",
                          "issueTime": "2026-07-01T06:45:00+08:00", "updateTime": "2026-07-01T06:45:00+08:00"},
                 "WFROST": {"actionCode": "ISSUE"}}""".getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW);
        assertThat(parsed.items()).extracting(NewsItem::getTitle).containsExactly("Observatory issues Very Hot Weather Warning");
        assertThat(parsed.rejected()).singleElement().satisfies(r -> assertThat(r.reasonCode()).isEqualTo("malformed_entry"));
        assertThat(FeedParser.parse(feed, URL, "{\"details\": [{\"warningStatementCode\": \"WTS\"}]}".getBytes(StandardCharsets.UTF_8),
                Optional.empty(), NOW).rejected()).hasSize(1);
        assertThatThrownBy(() -> FeedParser.parse(feed, URL, "[1, 2]".getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW))
                .isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.reason()).isEqualTo("parse"));
        assertThatThrownBy(() -> FeedParser.parse(feed, URL, "<html>".getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW))
                .isInstanceOf(FeedFetchException.class);
    }

    private static List<NewsItem> parse(FeedDefinition feed, String json) {
        return FeedParser.parse(feed, URL, json.getBytes(StandardCharsets.UTF_8), Optional.empty(), NOW).items();
    }

    private static FeedDefinition feed(String id, String source, Lang lang) {
        return new FeedDefinition(id, URL.toString(), source, Optional.of(lang), Duration.ofMinutes(1), true,
                FeedFormat.HKO_WARNINGS, FeedDefinition.DEFAULT_ZONE);
    }
}
