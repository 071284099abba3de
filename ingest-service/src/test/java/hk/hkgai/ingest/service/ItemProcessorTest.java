package hk.hkgai.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.dedup.DedupWindow;
import hk.hkgai.ingest.dedup.Deduplicator;
import hk.hkgai.ingest.text.Articles;
import hk.hkgai.ingest.text.TokenCounter;
import hk.hkgai.ingest.text.Chunker;
import hk.hkgai.ingest.text.TestTokenizer;
import hk.hkgai.ingest.text.TextCleaner;
import hk.hkgai.text.DocumentIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private final TokenCounter tokens = TestTokenizer.get();
    private ItemProcessor processor;

    @BeforeEach
    void freshWindow() {
        processor = new ItemProcessor(new ItemValidator(100_000, Duration.ofHours(1)), new Chunker(tokens, 256, 0.15, 512),
                new Deduplicator(true, 60, new DedupWindow(1000, Duration.ofHours(72), 6)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTraditionalChineseArticleBecomesChunksCarryingTitleIdsTokensScriptAndFingerprint() throws Exception {
        NewsItem item = item("typhoon-demo-1", "超強颱風「示範」襲港", Articles.read(Articles.ZH_HANT), "")
                .setPublishedAt(Protos.timestamp(Instant.parse("2026-11-24T02:00:00Z"))).build();
        ItemProcessor.Result result = processor.process(item);
        List<Chunk> chunks = result.chunks();

        assertThat(result.language().code()).isEqualTo("zh-Hant");
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(4);
        String hash = DocumentIds.contentHash("超強颱風「示範」襲港", TextCleaner.clean(Articles.read(Articles.ZH_HANT)));
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.getChunkId()).isEqualTo("typhoon-demo-1#" + i);
            assertThat(c.getDocId()).isEqualTo("typhoon-demo-1");
            assertThat(c.getChunkIndex()).isEqualTo(i);
            assertThat(c.getChunkCount()).isEqualTo(chunks.size());
            assertThat(c.getTitle()).isEqualTo("超強颱風「示範」襲港");
            assertThat(c.getLanguage()).isEqualTo("zh-Hant");
            assertThat(c.getScript()).isEqualTo("Hant");
            assertThat(c.getTokenCount()).isEqualTo(tokens.count(c.getText())).isBetween(1, 256 - tokens.count(c.getTitle()));
            assertThat(c.getContentHash()).isEqualTo(hash);
            assertThat(c.getSimhash()).isEqualTo(chunks.get(0).getSimhash()).isNotZero();
            assertThat(c.getClusterId()).isEqualTo("typhoon-demo-1"); // the first of its kind
            assertThat(c.getUrl()).isEqualTo("https://news.example/typhoon-demo-1");
            assertThat(c.getSource()).isEqualTo("demo");
            assertThat(Protos.instant(c.getPublishedAt())).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
            assertThat(Protos.instant(c.getIngestedAt())).isEqualTo(NOW);
            assertThat(c.getEmbeddingCount()).isZero();
        }
    }

    @Test
    void aReplayYieldsTheSameChunks() throws Exception {
        NewsItem item = item("budget-1", "Deficit narrower than forecast", Articles.read(Articles.EN), "").build();
        List<Chunk> first = processor.process(item).chunks();
        List<Chunk> again = processor.process(item).chunks();
        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(Chunk::getScript).containsOnly("Latin");
    }

    @Test
    void exactCopiesUnderAnotherIdAreDroppedNearCopiesClusteredTranslationsNot() throws Exception {
        String text = "天文台於晚上九時四十分發出八號東北烈風或暴風信號。熱帶氣旋「示範」現集結在香港之東南約一百九十公里，預料向西北移動。"
                + "市民應留在室內，遠離當風的窗戶和門口，並把容易被風吹動的物件放置穩妥。政府已開放二十八個臨時庇護中心。";
        String simplified = "天文台于晚上九时四十分发出八号东北烈风或暴风信号。热带气旋“示范”现集结在香港之东南约一百九十公里，预料向西北移动。"
                + "市民应留在室内，远离当风的窗户和门口，并把容易被风吹动的物件放置稳妥。政府已开放二十八个临时避风中心。";
        String english = "The Observatory issued the No. 8 Northeast Gale or Storm Signal at 9:40pm. Tropical cyclone Demo was centred "
                + "about 190 kilometres southeast of Hong Kong and is forecast to move northwest. The public should stay indoors.";
        ItemProcessor.Result hant = processor.process(item("u-rss", "八號烈風或暴風信號", text, "").build());
        ItemProcessor.Result copy = processor.process(item("u-mirror", "八號烈風或暴風信號", text, "").build());
        ItemProcessor.Result hans = processor.process(item("u-json", "八号烈风或暴风信号", simplified, "").build());
        ItemProcessor.Result en = processor.process(item("u-en", "No. 8 Northeast Gale or Storm Signal", english, "").build());

        assertThat(copy.duplicateOf()).contains("u-rss");
        assertThat(copy.chunks()).isEmpty();
        assertThat(hans.language().code()).isEqualTo("zh-Hans");
        assertThat(hans.chunks()).extracting(Chunk::getScript).containsOnly("Hans");
        assertThat(hans.chunks()).extracting(Chunk::getClusterId).containsOnly("u-rss");
        assertThat(hans.nearDuplicateOf()).contains("u-rss");
        assertThat(en.chunks()).extracting(Chunk::getClusterId).containsOnly("u-en");
        assertThat(hant.chunks()).extracting(Chunk::getClusterId).containsOnly("u-rss");
    }

    @Test
    void languagesAreDetectedWhenAbsentAndKeptWhenGiven() throws Exception {
        assertThat(processor.process(item("d1", "", Articles.read(Articles.ZH_HANS), "").build()).language().code()).isEqualTo("zh-Hans");
        assertThat(processor.process(item("d2", "", Articles.read(Articles.EN), "").build()).language().code()).isEqualTo("en");
        assertThat(processor.process(item("d3", "", "佢哋今日喺銅鑼灣食咗飯，好開心。", "").build()).language().code()).isEqualTo("yue");
        assertThat(processor.process(item("d4", "", "Mixed text, declared Cantonese.", "yue").build()).language().code()).isEqualTo("yue");
        // Han below U+4E00 (〇, Extension A 㗎) must not break detection (text-common indexes them negatively).
        assertThat(processor.process(item("d5", "", "二〇二六年：呢間舖頭啲嘢好平㗎，佢哋話聽日仲有優惠。", "").build()).language().code()).isEqualTo("yue");
        ItemProcessor.Result bilingual = processor.process(item("d6", "港鐵東鐵綫今日恢復正常",
                "港鐵表示東鐵綫今日早上恢復正常服務。The MTR said East Rail Line services resumed normal operation this morning.", "").build());
        assertThat(bilingual.script().code()).isEqualTo("mixed");
    }

    @Test
    void htmlIsCleanedAndTheDateFallsBackToReceivedAt() throws Exception {
        NewsItem item = item("html-1", "<b>Rainstorm</b> &amp; flooding",
                "<p>The Observatory issued the Amber Rainstorm Warning.</p><p>Avoid low-lying areas&nbsp;now.</p><p>Share this</p>", "")
                .setContentType("text/html")
                .setReceivedAt(Protos.timestamp(Instant.parse("2026-11-24T22:00:00Z")))
                .build();
        Chunk c = processor.process(item).chunks().get(0);
        assertThat(c.getTitle()).isEqualTo("Rainstorm & flooding");
        assertThat(c.getText()).isEqualTo("The Observatory issued the Amber Rainstorm Warning. Avoid low-lying areas now.");
        assertThat(Protos.instant(c.getPublishedAt())).isEqualTo(Instant.parse("2026-11-24T22:00:00Z"));
    }

    @Test
    void unprocessableItemsAreRejectedWithAReasonCode() {
        assertThatThrownBy(() -> ItemProcessor.decode("not protobuf at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnprocessableItemException.class, e -> assertThat(e.reasonCode()).isEqualTo("unparseable"));
        assertThatThrownBy(() -> ItemProcessor.decode(new byte[0]))
                .isInstanceOfSatisfying(UnprocessableItemException.class, e -> assertThat(e.reasonCode()).isEqualTo("unparseable"));
        assertThatThrownBy(() -> processor.process(item("bad id", "t", "text", "").build()))
                .isInstanceOfSatisfying(UnprocessableItemException.class, e -> assertThat(e.reasonCode()).isEqualTo("invalid_doc_id"));
        assertThatThrownBy(() -> processor.process(item("empty", "t", "<script>x()</script>&nbsp;", "").setContentType("text/html").build()))
                .isInstanceOfSatisfying(UnprocessableItemException.class, e -> assertThat(e.reasonCode()).isEqualTo("empty_text"));
        assertThatThrownBy(() -> processor.process(item("xss", "<script>alert(1)</script>Typhoon", "Signal No. 8.", "").build()))
                .isInstanceOfSatisfying(UnprocessableItemException.class, e -> assertThat(e.reasonCode()).isEqualTo("html_in_title"));
    }

    @Test
    void decodeRoundTrips() throws Exception {
        NewsItem item = item("rt-1", "t", "x", "en").build();
        assertThat(ItemProcessor.decode(item.toByteArray())).isEqualTo(item);
    }

    private static NewsItem.Builder item(String docId, String title, String text, String lang) {
        return NewsItem.newBuilder().setDocId(docId).setTitle(title).setText(text).setContentType("text/plain")
                .setUrl("https://news.example/" + docId).setSource("demo").setLanguage(lang).setOrigin("push");
    }
}
