package hk.hkgai.ingest.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.contracts.events.v1.NewsItem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItemValidatorTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-24T02:00:00Z");
    private final ItemValidator validator = new ItemValidator(2_000, Duration.ofHours(1));

    @Test
    void goodItemsPass() {
        assertThatCode(() -> validator.check(item("天文台發出強烈季候風信號", "天文台表示，一股強烈東北季候風正影響廣東沿岸。").build(), RECEIVED))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.check(item("<b>Rainstorm</b> &amp; flooding", "Café owners in Sai Kung… said résumé.").build(), RECEIVED))
                .doesNotThrowAnyException();
        // One broken emoji is not a broken encoding.
        assertThatCode(() -> validator.check(item("Lantau trail reopens", "Hikers welcomed the news \uFFFD on Sunday.").build(), RECEIVED))
                .doesNotThrowAnyException();
    }

    @Test
    void big5BytesReadAsUtf8AndUtf8ReadAsLatin1AreBadEncoding() {
        String big5AsUtf8 = new String("九龍灣道路今晚封閉，駕駛人士請改道。".getBytes(Charset.forName("Big5")), StandardCharsets.UTF_8);
        assertReason(item("Kowloon Bay road closure", big5AsUtf8), "bad_encoding");
        String utf8AsLatin1 = new String("天文台發出黃色暴雨警告信號".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertReason(item("Rainstorm", utf8AsLatin1), "bad_encoding");
        String utf8AsCp1252 = new String("港鐵東鐵綫服務延誤".getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        assertReason(item(utf8AsCp1252, "MTR delay."), "bad_encoding");
    }

    @Test
    void tooLargeAndFutureDates() {
        assertReason(item("Budget", "The Financial Secretary said the deficit narrowed. ".repeat(60)), "too_large");
        assertReason(item("Typhoon", "Signal No. 8 will be issued.").setPublishedAt(Protos.timestamp(RECEIVED.plus(Duration.ofHours(3)))).build(),
                "future_date");
        assertThatCode(() -> validator.check(item("Typhoon", "Signal No. 3 is in force.")
                .setPublishedAt(Protos.timestamp(RECEIVED.plus(Duration.ofMinutes(30)))).build(), RECEIVED)).doesNotThrowAnyException();
        // Without received_at the processing time is the reference.
        NewsItem pushed = NewsItem.newBuilder().setTitle("t").setText("x").setPublishedAt(Protos.timestamp(RECEIVED.plus(Duration.ofDays(2)))).build();
        assertThatThrownBy(() -> validator.check(pushed, RECEIVED)).isInstanceOfSatisfying(UnprocessableItemException.class,
                e -> assertThat(e.reasonCode()).isEqualTo("future_date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>颱風「示範」襲港",
            "港鐵新車站啟用<img src=x onerror=alert(document.cookie)>",
            "<a href=\"javascript:alert(1)\">Click</a> for the budget",
            "<b onmouseover=\"alert(1)\">Rainstorm</b> warning",
            "&lt;script&gt;alert(1)&lt;/script&gt; escaped twice",
            "<iframe src=\"https://evil.example\"></iframe>Typhoon",
            "Rainstorm <!-- hidden --> warning"})
    void markupThatCouldActInAClientIsHtmlInTitle(String title) {
        assertReason(item(title, "The Observatory issued the Amber Rainstorm Warning Signal at 6:25am."), "html_in_title");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<i>Stamp Duty (Amendment) Bill</i> passed", "Index < 5 and > 3 after 2 days", "R&D budget up 3%",
            "Tom &amp; Jerry", "立法會<b>通過</b>撥款"})
    void harmlessTitlesPass(String title) {
        assertThatCode(() -> validator.check(item(title, "Text.").build(), RECEIVED)).doesNotThrowAnyException();
    }

    private void assertReason(NewsItem.Builder item, String reason) {
        assertReason(item.build(), reason);
    }

    private void assertReason(NewsItem item, String reason) {
        assertThatThrownBy(() -> validator.check(item, RECEIVED))
                .isInstanceOfSatisfying(UnprocessableItemException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(reason);
                    // The message says what is wrong, never what the item says.
                    assertThat(e.getMessage()).doesNotContain("alert", "颱風", "Typhoon", "deficit");
                });
    }

    private static NewsItem.Builder item(String title, String text) {
        return NewsItem.newBuilder().setDocId("d").setTitle(title).setText(text).setContentType("text/plain")
                .setReceivedAt(Protos.timestamp(RECEIVED)).setPublishedAt(Protos.timestamp(RECEIVED.minusSeconds(600)));
    }
}
