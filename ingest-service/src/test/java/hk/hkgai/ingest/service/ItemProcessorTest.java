package hk.hkgai.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.text.Articles;
import hk.hkgai.ingest.text.Chunker;
import hk.hkgai.ingest.text.TextCleaner;
import hk.hkgai.text.DocumentIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private final ItemProcessor processor = new ItemProcessor(new Chunker(350, 900, 1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTraditionalChineseArticleBecomesChunksCarryingTitleAndIds() throws Exception {
        NewsItem item = item("typhoon-demo-1", "超強颱風「示範」襲港", Articles.read(Articles.ZH_HANT), "")
                .setPublishedAt(Protos.timestamp(Instant.parse("2026-11-24T02:00:00Z"))).build();
        ItemProcessor.Result result = processor.process(item);
        List<Chunk> chunks = result.chunks();

        assertThat(result.language().code()).isEqualTo("zh-Hant");
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
        String hash = DocumentIds.contentHash("超強颱風「示範」襲港", TextCleaner.clean(Articles.read(Articles.ZH_HANT)));
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.getChunkId()).isEqualTo("typhoon-demo-1#" + i);
            assertThat(c.getDocId()).isEqualTo("typhoon-demo-1");
            assertThat(c.getChunkIndex()).isEqualTo(i);
            assertThat(c.getChunkCount()).isEqualTo(chunks.size());
            assertThat(c.getTitle()).isEqualTo("超強颱風「示範」襲港");
            assertThat(c.getLanguage()).isEqualTo("zh-Hant");
            assertThat(c.getContentHash()).isEqualTo(hash);
            assertThat(c.getUrl()).isEqualTo("https://news.example/typhoon-demo-1");
            assertThat(c.getSource()).isEqualTo("demo");
            assertThat(Protos.instant(c.getPublishedAt())).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
            assertThat(Protos.instant(c.getIngestedAt())).isEqualTo(NOW);
            assertThat(c.getEmbeddingCount()).isZero();
        }
    }

    @Test
    void languagesAreDetectedWhenAbsentAndKeptWhenGiven() throws Exception {
        assertThat(processor.process(item("d1", "", Articles.read(Articles.ZH_HANS), "").build()).language().code()).isEqualTo("zh-Hans");
        assertThat(processor.process(item("d2", "", Articles.read(Articles.EN), "").build()).language().code()).isEqualTo("en");
        assertThat(processor.process(item("d3", "", "佢哋今日喺銅鑼灣食咗飯，好開心。", "").build()).language().code()).isEqualTo("yue");
        assertThat(processor.process(item("d4", "", "Mixed text, declared Cantonese.", "yue").build()).language().code()).isEqualTo("yue");
        // Han below U+4E00 (〇, Extension A 㗎) must not break detection (text-common indexes them negatively).
        assertThat(processor.process(item("d5", "", "二〇二六年：呢間舖頭啲嘢好平㗎，佢哋話聽日仲有優惠。", "").build()).language().code()).isEqualTo("yue");
    }

    @Test
    void htmlIsCleanedAndTheDateFallsBackToReceivedAt() throws Exception {
        NewsItem item = item("html-1", "<b>Rainstorm</b> &amp; flooding",
                "<p>The Observatory issued the Amber Rainstorm Warning.</p><p>Avoid low-lying areas&nbsp;now.</p>", "")
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
