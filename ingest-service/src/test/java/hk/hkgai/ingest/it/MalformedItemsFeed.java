package hk.hkgai.ingest.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An RSS document (declared UTF-8) with one good item and one item of each malformed kind, served by
 * {@link BrokenFeedsResource} at /test-feeds/malformed-items. Built once per JVM, so every poll sees the same
 * bytes (dates are relative to when the tests run: the good item is an hour old, the future one three days
 * ahead). Invented content, not real news.
 */
final class MalformedItemsFeed {
    static final String BASE = "https://malformed.hkgai.example/";
    static final String GOOD = BASE + "good";
    static final String BIG5 = BASE + "big5";
    static final String HUGE = BASE + "huge";
    static final String FUTURE = BASE + "future";
    static final String SCRIPT = BASE + "script";
    /** Over the test profile's hkgai.ingest.items.max-chars (20,000). */
    static final int HUGE_CHARS = 30_000;

    static final byte[] BYTES = build();

    private MalformedItemsFeed() {
    }

    private static byte[] build() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneId.of("Asia/Hong_Kong"));
        String recent = rfc1123.format(now.minus(Duration.ofHours(1)));
        String future = rfc1123.format(now.plus(Duration.ofDays(3)));
        String sentence = "立法會財務委員會今日繼續審議多項基本工程撥款申請，包括擴建將軍澳醫院。";
        String huge = sentence.repeat(HUGE_CHARS / sentence.length() + 1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Malformed items (test)</title><link>%s</link><description>test</description>
                  <item><title>東涌新巴士路線周日開辦</title><link>%s</link><pubDate>%s</pubDate>
                    <description>運輸署表示，東涌至機場的新巴士路線會在本周日開辦，每二十分鐘一班，首班車早上六時由東涌站開出。</description></item>
                  <item><title>""".formatted(BASE, GOOD, recent), StandardCharsets.UTF_8);
        // Big5 bytes inside a document that says UTF-8: undecodable as declared.
        write(out, "九龍灣道路今晚封閉", Charset.forName("Big5"));
        write(out, "</title><link>" + BIG5 + "</link><pubDate>" + recent + "</pubDate><description>", StandardCharsets.UTF_8);
        write(out, "運輸署表示，九龍灣宏照道今晚十一時起封閉，駕駛人士請改道。", Charset.forName("Big5"));
        write(out, """
                </description></item>
                  <item><title>財委會審議撥款</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>
                  <item><title>天文台：下周初天氣轉涼</title><link>%s</link><pubDate>%s</pubDate>
                    <description>天文台預料，一股強烈東北季候風會在下周初為廣東沿岸帶來較涼的天氣。</description></item>
                  <item><title>&lt;script&gt;alert(1)&lt;/script&gt;港鐵新車站啟用</title><link>%s</link><pubDate>%s</pubDate>
                    <description>港鐵表示，東涌綫延線的新車站會在下月啟用。</description></item>
                </channel></rss>""".formatted(HUGE, recent, huge, FUTURE, future, SCRIPT, recent), StandardCharsets.UTF_8);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s, Charset charset) {
        out.writeBytes(s.getBytes(charset));
    }
}
