package hk.hkgai.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsFullWidthAndRemovesZeroWidthCharacters() {
        assertThat(TextNormalizer.normalize("ＨＫ\u200B１２３  香港\u200D警察\uFEFF")).isEqualTo("HK123 香港警察");
    }

    @Test
    void nullBecomesEmpty() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
    }
}
