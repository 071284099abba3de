package hk.hkgai.inference.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenEstimatorTest {
    @Test
    void countsOnePerChineseCharacterAndAboutOnePointThreePerEnglishWord() {
        assertThat(TokenEstimator.estimate("天文台發出八號信號")).isEqualTo(9);
        assertThat(TokenEstimator.estimate("The bill was passed")).isEqualTo(6); // 4 x 1.3 = 5.2
        assertThat(TokenEstimator.estimate("八號信號[1]。")).isEqualTo(4 + 1 + 2 + 1 + 1); // [ 1 ] 。 -> 1 + 1.3 + 1 + 1
        assertThat(TokenEstimator.estimate("   ")).isZero();
    }
}
