package hk.hkgai.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BgeTokenizerTest {
    private static final BgeTokenizer tokenizer = load();

    private static BgeTokenizer load() {
        try {
            return BgeTokenizer.load(java.util.Optional.empty(), java.nio.file.Path.of("target", "djl-cache").toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void chineseIsOneTokenPerCharacterInEitherScript() {
        assertThat(tokenizer.count("天文台發出八號烈風或暴風信號")).isEqualTo(14);
        assertThat(tokenizer.count("天文台发出八号烈风或暴风信号")).isEqualTo(14);
        assertThat(tokenizer.count("佢哋今日喺銅鑼灣食咗飯。")).isEqualTo(12);
    }

    @Test
    void englishIsLowerCasedFirstAsTheEmbedderDoesSoNothingBecomesUnknown() {
        // Unprepared, "MTR" would be a single [UNK]; lower-cased it is its real word pieces.
        int upper = tokenizer.count("The MTR Corporation said the fault was detected at 6:12am.");
        int lower = tokenizer.count("the mtr corporation said the fault was detected at 6:12am.");
        assertThat(upper).isEqualTo(lower).isGreaterThan(12);
        // Full-width letters and digits are folded (NFKC) before counting, as the embedder does.
        assertThat(tokenizer.count("ＭＴＲ２０２６")).isEqualTo(tokenizer.count("mtr2026"));
    }

    @Test
    void longTextIsNeverTruncatedAndBlankIsZero() {
        assertThat(tokenizer.count("香港".repeat(600))).isEqualTo(1200);
        assertThat(tokenizer.count(" \n ")).isZero();
        assertThat(tokenizer.count(null)).isZero();
    }
}
