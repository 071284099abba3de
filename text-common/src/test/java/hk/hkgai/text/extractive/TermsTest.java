package hk.hkgai.text.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {
    @Test
    void foldsScriptsAndSplitsChineseAtQuestionWords() {
        assertThat(Terms.of(Terms.fold("天文台有冇掛八號風球？")))
                .containsExactlyInAnyOrder("天文", "文台", "挂八", "八号", "号风", "风球");
        assertThat(Terms.of(Terms.fold("天文台有没有挂八号风球?")))
                .isEqualTo(Terms.of(Terms.fold("天文台有冇掛八號風球？")));
    }

    @Test
    void indexesEnglishWordsWithoutStopWordsAndPlurals() {
        assertThat(Terms.of(Terms.fold("When were the Typhoon Signals issued？")))
                .containsExactlyInAnyOrder("typhoon", "signal", "issued");
        assertThat(Terms.of(Terms.fold("ＭＴＲ  fares 2025"))).containsExactlyInAnyOrder("mtr", "fare", "2025");
    }

    @Test
    void nearRepeatsInDifferentScriptsHaveHighJaccard() {
        var a = Terms.shingles(Terms.fold("天文台在上午9時40分發出八號東北烈風或暴風信號。"));
        var b = Terms.shingles(Terms.fold("天文台于上午9时40分发出八号东北烈风或暴风信号"));
        var c = Terms.shingles(Terms.fold("港鐵向受影響的乘客致歉。"));

        assertThat(Terms.jaccard(a, b)).isGreaterThan(0.7);
        assertThat(Terms.jaccard(a, c)).isLessThan(0.1);
    }
}
