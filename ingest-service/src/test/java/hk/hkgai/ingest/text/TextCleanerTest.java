package hk.hkgai.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
    @Test
    void keepsFullWidthFormsUnlikeNfkc() {
        assertThat(TextCleaner.clean("天文台：明日（星期三）有雨，氣溫２０度！")).isEqualTo("天文台：明日（星期三）有雨，氣溫２０度！");
    }

    @Test
    void collapsesWhitespaceAndKeepsParagraphs() {
        String raw = "  First\tline   of text\r\ncontinues here.\r\n\r\n\r\n  Second\u00A0paragraph\u3000ends.  \n";
        assertThat(TextCleaner.clean(raw)).isEqualTo("First line of text continues here.\n\nSecond paragraph ends.");
    }

    @Test
    void removesInvisibleAndControlCharacters() {
        assertThat(TextCleaner.clean("\uFEFF香\u200B港\u00AD天文台\u0007")).isEqualTo("香港天文台");
    }

    @Test
    void joinsWrappedChineseLinesWithoutSpace() {
        assertThat(TextCleaner.clean("香港天文\n台今日發出警告。\nThe Observatory\nwarned.")).isEqualTo("香港天文台今日發出警告。 The Observatory warned.");
        assertThat(TextCleaner.cleanLine("標題\n\n第二行")).isEqualTo("標題第二行");
    }

    @Test
    void composesToNfc() {
        assertThat(TextCleaner.clean("Cafe\u0301")).isEqualTo("Caf\u00E9");
        assertThat(TextCleaner.clean(null)).isEmpty();
    }
}
