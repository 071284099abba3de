package hk.hkgai.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.text.Lang;
import hk.hkgai.text.SentenceSplitter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("[\\p{IsHan}。，、；：！？」] [\\p{IsHan}「]");
    private final Chunker chunker = new Chunker(350, 900, 1);

    @ParameterizedTest
    @CsvSource({
            Articles.ZH_HANT + ", ZH_HANT, 350, 3",
            Articles.ZH_HANS + ", ZH_HANS, 350, 2",
            Articles.EN + ", EN, 900, 4"})
    void realArticlesBecomeBoundedOverlappingChunksOfWholeSentences(String resource, Lang lang, int max, int minChunks) {
        String text = TextCleaner.clean(Articles.read(resource));
        List<String> chunks = chunker.chunk(text, lang);

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(minChunks);
        assertThat(chunks).allSatisfy(c -> assertThat(Chunker.length(c)).isLessThanOrEqualTo(max));
        // Not wastefully small either: every chunk but the last is filled beyond half the limit.
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(Chunker.length(c)).isGreaterThan(max / 2));
        // One sentence of overlap: each chunk starts with the sentence the previous one ended with.
        for (int i = 1; i < chunks.size(); i++) {
            List<String> previous = SentenceSplitter.split(chunks.get(i - 1));
            List<String> current = SentenceSplitter.split(chunks.get(i));
            assertThat(current.get(0)).as("chunk %d starts with the last sentence of chunk %d", i, i - 1)
                    .isEqualTo(previous.get(previous.size() - 1));
        }
        // Nothing is lost: every sentence of the article is in some chunk.
        for (String sentence : SentenceSplitter.split(text)) {
            assertThat(chunks).as(sentence).anyMatch(c -> c.contains(sentence));
        }
        if (lang.chinese()) {
            assertThat(String.join("", chunks)).contains("，", "。"); // full-width punctuation kept
            assertThat(chunks).noneMatch(c -> SPACE_BETWEEN_CJK.matcher(c).find()); // sentences joined without spaces
        } else {
            assertThat(chunks).noneMatch(c -> c.contains("  ") || c.contains("\n"));
            assertThat(String.join(" ", chunks)).contains("Mr. Chan, a member of the Finance Committee"); // no split after "Mr."
        }
    }

    @Test
    void aLongChineseSentenceIsCutAfterCommas() {
        String clause = "政府會繼續密切監察疫情發展並因應最新情況調整各項措施，";
        String sentence = clause.repeat(30) + "以保障市民健康。";
        List<String> chunks = chunker.chunk(sentence, Lang.ZH_HANT);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> assertThat(Chunker.length(c)).isLessThanOrEqualTo(350));
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c).endsWith("，"));
        assertThat(chunks.get(chunks.size() - 1)).endsWith("以保障市民健康。");
    }

    @Test
    void aLongEnglishSentenceIsCutBetweenWords() {
        String sentence = "the committee discussed the harbourfront promenade extension ".repeat(40).strip() + ".";
        List<String> chunks = chunker.chunk(sentence, Lang.EN);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(Chunker.length(c)).isLessThanOrEqualTo(900);
            assertThat(c).doesNotStartWith(" ").doesNotEndWith(" ");
            assertThat(c.split(" ")).allMatch(w -> List.of("the", "committee", "discussed", "harbourfront",
                    "promenade", "extension", "extension.").contains(w));
        });
    }

    @Test
    void aHardCutNeverSplitsASurrogatePair() {
        // 𨋢 (U+282E2, Cantonese "lift") is outside the BMP: two chars, one code point.
        String sentence = "𨋢".repeat(1000);
        List<String> chunks = chunker.chunk(sentence, Lang.YUE);
        assertThat(chunks).hasSize(3);
        int total = 0;
        for (String c : chunks) {
            assertThat(Chunker.length(c)).isLessThanOrEqualTo(350);
            assertThat(Character.isLowSurrogate(c.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse();
            assertThat(c.codePoints()).containsOnly(0x282E2);
            total += Chunker.length(c);
        }
        assertThat(total).isEqualTo(1000); // pieces of one long sentence do not overlap
    }

    @Test
    void shortTextIsOneChunkAndBlankTextNone() {
        assertThat(chunker.chunk("天文台發出強烈季候風信號。", Lang.ZH_HANT)).containsExactly("天文台發出強烈季候風信號。");
        assertThat(chunker.chunk(" \n\n ", Lang.EN)).isEmpty();
    }

    @Test
    void withoutOverlapNoSentenceIsRepeated() {
        Chunker noOverlap = new Chunker(350, 900, 0);
        String text = TextCleaner.clean(Articles.read(Articles.ZH_HANT));
        List<String> chunks = noOverlap.chunk(text, Lang.ZH_HANT);
        long sentencesInChunks = chunks.stream().mapToLong(c -> SentenceSplitter.split(c).size()).sum();
        assertThat(sentencesInChunks).isEqualTo(SentenceSplitter.split(text).size());
    }

    @Test
    void rejectsNonsenseLimits() {
        assertThatThrownBy(() -> new Chunker(5, 900, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(350, 900, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
