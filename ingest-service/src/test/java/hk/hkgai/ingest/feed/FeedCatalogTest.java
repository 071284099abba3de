package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.text.Lang;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCatalogTest {
    @Test
    void bundledListsAreValid() {
        List<FeedDefinition> local = FeedCatalog.load("classpath:feeds/local.yaml");
        assertThat(local).extracting(FeedDefinition::id).containsExactly("demo-hk-rss", "demo-hk-atom", "demo-jsonfeed",
                "demo-hko-warnsum-tc", "demo-hko-warninginfo-en");
        assertThat(local).extracting(FeedDefinition::format).containsExactly(FeedFormat.RSS_ATOM, FeedFormat.RSS_ATOM,
                FeedFormat.JSON_FEED, FeedFormat.HKO_WARNINGS, FeedFormat.HKO_WARNINGS);
        assertThat(local).extracting(FeedDefinition::timezone).containsOnly(ZoneId.of("Asia/Hong_Kong"));
        assertThat(local.get(0).resolve("http://127.0.0.1:8104/").toString())
                .isEqualTo("http://127.0.0.1:8104/fixtures/hk-news-rss.xml");

        List<FeedDefinition> production = FeedCatalog.load("classpath:feeds/production.yaml");
        assertThat(production).hasSizeGreaterThanOrEqualTo(5).allMatch(f -> f.url().startsWith("https://"));
        assertThat(production).filteredOn(f -> f.id().equals("hko-warnings-tc")).singleElement()
                .satisfies(f -> {
                    assertThat(f.language()).contains(Lang.ZH_HANT);
                    assertThat(f.interval()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(f.enabled()).isTrue();
                });
        assertThat(production).filteredOn(f -> f.format() == FeedFormat.HKO_WARNINGS).extracting(FeedDefinition::url)
                .containsExactlyInAnyOrder(
                        "https://data.weather.gov.hk/weatherAPI/opendata/weather.php?dataType=warnsum&lang=tc",
                        "https://data.weather.gov.hk/weatherAPI/opendata/weather.php?dataType=warnsum&lang=en",
                        "https://data.weather.gov.hk/weatherAPI/opendata/weather.php?dataType=warningInfo&lang=tc",
                        "https://data.weather.gov.hk/weatherAPI/opendata/weather.php?dataType=warningInfo&lang=en");
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                feeds:
                  - {id: a, url: "https://a.example/rss", source: A, interval: PT2M, language: zh-HK, enabled: false}
                  - {id: b, url: "https://b.example/feed.json", source: B, format: jsonfeed, timezone: Europe/London}
                """);
        FeedDefinition a = FeedCatalog.load(file.toString()).get(0);
        assertThat(a.interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.language()).contains(Lang.ZH_HANT);
        assertThat(a.enabled()).isFalse();
        assertThat(a.format()).isEqualTo(FeedFormat.RSS_ATOM);
        assertThat(a.timezone()).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
        FeedDefinition b = FeedCatalog.load(file.toString()).get(1);
        assertThat(b.format()).isEqualTo(FeedFormat.JSON_FEED);
        assertThat(b.timezone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void rejectsBrokenEntriesNamingTheFeed() {
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example', source: A}\n  - {id: a, url: 'https://b.example', source: B}\n", "duplicate id a");
        assertInvalid("feeds:\n  - {id: a, url: 'ftp://a.example/x', source: A}\n", "(a): url must be an absolute http(s) URL");
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example', source: A, language: fr}\n", "language must be");
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example', source: A, interval: soon}\n", "interval 'soon'");
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example', source: A, interval: 10ms}\n", "shorter than");
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example'}\n", "source");
        assertInvalid("feeds:\n  - {id: 'Bad Id', url: 'https://a.example', source: A}\n", "id must match");
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example', source: A, intervall: 5s}\n", "intervall");
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example', source: A, format: csv}\n", "format must be");
        assertInvalid("feeds:\n  - {id: a, url: 'https://a.example', source: A, timezone: Hongkong/Central}\n", "timezone must be");
        assertThatThrownBy(() -> FeedCatalog.load("classpath:feeds/missing.yaml")).hasMessageContaining("not on the classpath");
    }

    @Test
    void parsesDurations() {
        assertThat(FeedCatalog.parseDuration("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(FeedCatalog.parseDuration("90s", "x")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FeedCatalog.parseDuration("5m", "x")).isEqualTo(Duration.ofMinutes(5));
        assertThat(FeedCatalog.parseDuration("1h", "x")).isEqualTo(Duration.ofHours(1));
        assertThat(FeedCatalog.parseDuration("PT30S", "x")).isEqualTo(Duration.ofSeconds(30));
    }

    private static void assertInvalid(String yaml, String message) {
        assertThatThrownBy(() -> FeedCatalog.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
