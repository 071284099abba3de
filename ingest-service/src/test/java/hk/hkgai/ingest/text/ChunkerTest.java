package hk.hkgai.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.text.SentenceSplitter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chunk sizes in tokens of the real bge-small-zh-v1.5 tokenizer. */
class ChunkerTest {
    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("[\\p{IsHan}。，、；：！？」] [\\p{IsHan}「]");
    private final TokenCounter tokens = TestTokenizer.get();
    private final Chunker chunker = new Chunker(tokens, 256, 0.15, 512);

    @ParameterizedTest
    @CsvSource({
            Articles.ZH_HANT + ", 超強颱風「示範」襲港 多區水浸塌樹, 4",
            Articles.ZH_HANS + ", 北部都会区发展进度报告公布, 3",
            Articles.EN + ", 'Deficit narrower than forecast, Financial Secretary tells LegCo', 5"})
    void realArticlesBecomeChunksWithinTheTokenBudgetOfWholeSentences(String resource, String title, int minChunks) {
        String text = TextCleaner.clean(Articles.read(resource));
        int budget = chunker.budget(title);
        List<Chunker.Piece> chunks = chunker.chunk(title, text);

        assertThat(budget).isEqualTo(256 - tokens.count(title));
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(minChunks);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.tokens()).isEqualTo(tokens.count(c.text())).isLessThanOrEqualTo(budget);
            // What the indexer embeds (title + passage) fits the model's window with room to spare.
            assertThat(tokens.count(title + "\n" + c.text())).isLessThanOrEqualTo(256);
        });
        // Not wastefully small either: every chunk but the last is filled beyond half the budget.
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.tokens()).isGreaterThan(budget / 2));
        // Chunks end at sentence ends, and nothing is lost: every sentence of the article is in some chunk.
        List<String> sentences = SentenceSplitter.split(text);
        for (Chunker.Piece c : chunks) {
            assertThat(sentences).as("chunk ends at a sentence end").anyMatch(s -> c.text().endsWith(s));
        }
        for (String sentence : sentences) {
            assertThat(chunks).as(sentence).anyMatch(c -> c.text().contains(sentence));
        }
        if (text.codePoints().anyMatch(Character::isIdeographic)) {
            assertThat(chunks).noneMatch(c -> SPACE_BETWEEN_CJK.matcher(c.text()).find()); // joined without spaces
        } else {
            assertThat(chunks).noneMatch(c -> c.text().contains("  ") || c.text().contains("\n"));
            assertThat(String.join(" ", chunks.stream().map(Chunker.Piece::text).toList()))
                    .contains("Mr. Chan, a member of the Finance Committee"); // no split after "Mr."
        }
    }

    @Test
    void consecutiveChunksOverlapByWholeShortTrailingSentences() {
        // 24-token sentences: the overlap (15% of 256 = 38 tokens) takes whole ones until it has enough: two.
        String text = String.join("", IntStream.range(0, 40)
                .mapToObj(i -> "運輸署表示，明日早上" + (i % 9 + 1) + "時起九龍灣第" + (i + 10) + "段道路會封閉。").toList());
        List<Chunker.Piece> chunks = chunker.chunk("", text);
        assertThat(chunks).hasSizeGreaterThan(3);
        for (int i = 1; i < chunks.size(); i++) {
            List<String> previous = SentenceSplitter.split(chunks.get(i - 1).text());
            List<String> current = SentenceSplitter.split(chunks.get(i).text());
            assertThat(current.subList(0, 2)).as("chunk %d starts with the last two sentences of chunk %d", i, i - 1)
                    .isEqualTo(previous.subList(previous.size() - 2, previous.size()));
        }
    }

    @Test
    void aLongTitleTakesItsShareButNeverMoreThanHalf() {
        String longTitle = "立法會財務委員會今日通過多項撥款申請包括擴建將軍澳醫院及興建東涌體育中心等工程項目並要求政府定期匯報進度".repeat(4);
        assertThat(tokens.count(longTitle)).isGreaterThan(128);
        assertThat(chunker.budget(longTitle)).isEqualTo(128);
        assertThat(chunker.budget("")).isEqualTo(256);
    }

    @Test
    void aLongChineseSentenceIsCutAfterCommas() {
        String clause = "政府會繼續密切監察疫情發展並因應最新情況調整各項措施，";
        String sentence = clause.repeat(30) + "以保障市民健康。";
        List<Chunker.Piece> chunks = chunker.chunk("", sentence);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(256));
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.text()).endsWith("，"));
        assertThat(chunks.get(chunks.size() - 1).text()).endsWith("以保障市民健康。");
    }

    @Test
    void aLongEnglishSentenceIsCutBetweenWords() {
        String sentence = "the committee discussed the harbourfront promenade extension ".repeat(40).strip() + ".";
        List<Chunker.Piece> chunks = chunker.chunk("", sentence);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.tokens()).isLessThanOrEqualTo(256);
            assertThat(c.text()).doesNotStartWith(" ").doesNotEndWith(" ");
            assertThat(c.text().split(" ")).allMatch(w -> List.of("the", "committee", "discussed", "harbourfront",
                    "promenade", "extension", "extension.").contains(w));
        });
    }

    @Test
    void aHardCutNeverSplitsASurrogatePairAndAHugeRunIsCutQuickly() {
        // 𨋢 (U+282E2, Cantonese "lift") is outside the BMP: two chars, one code point.
        String sentence = "𨋢".repeat(1000);
        List<Chunker.Piece> chunks = chunker.chunk("", sentence);
        int total = 0;
        for (Chunker.Piece c : chunks) {
            assertThat(c.tokens()).isLessThanOrEqualTo(256);
            assertThat(Character.isLowSurrogate(c.text().charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(c.text().charAt(c.text().length() - 1))).isFalse();
            assertThat(c.text().codePoints()).containsOnly(0x282E2);
            total += Chunker.length(c.text());
        }
        assertThat(total).isEqualTo(1000); // pieces of one long sentence do not overlap

        // No punctuation at all: cut at the budget, a few tokenizer calls per cut (a bisection needed ~10).
        long start = System.nanoTime();
        List<Chunker.Piece> run = chunker.chunk("", "港".repeat(12_000));
        assertThat(run).hasSize((12_000 + 255) / 256).allSatisfy(c -> assertThat(c.tokens()).isEqualTo(Math.min(256, c.text().length())));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(10_000);
    }

    @Test
    void shortTextIsOneChunkAndBlankTextNone() {
        assertThat(chunker.chunk("強烈季候風信號", "天文台發出強烈季候風信號。"))
                .containsExactly(new Chunker.Piece("天文台發出強烈季候風信號。", 13));
        assertThat(chunker.chunk("", " \n\n ")).isEmpty();
    }

    @Test
    void withoutOverlapNoSentenceIsRepeated() {
        Chunker noOverlap = new Chunker(tokens, 256, 0, 512);
        String text = TextCleaner.clean(Articles.read(Articles.ZH_HANT));
        List<Chunker.Piece> chunks = noOverlap.chunk("", text);
        long sentencesInChunks = chunks.stream().mapToLong(c -> SentenceSplitter.split(c.text()).size()).sum();
        assertThat(sentencesInChunks).isEqualTo(SentenceSplitter.split(text).size());
    }

    @Test
    void rejectsNonsenseLimits() {
        assertThatThrownBy(() -> new Chunker(tokens, 600, 0.15, 512)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(tokens, 256, 0.6, 512)).isInstanceOf(IllegalArgumentException.class);
    }
}
