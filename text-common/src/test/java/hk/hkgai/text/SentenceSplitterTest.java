package hk.hkgai.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsChineseAtFullStopsKeepingClosingQuotes() {
        assertThat(SentenceSplitter.split("天文台表示：「八號信號現正生效。」市民應留在室內！港鐵服務暫停？"))
                .containsExactly("天文台表示：「八號信號現正生效。」", "市民應留在室內！", "港鐵服務暫停？");
    }

    @Test
    void splitsEnglishButNotAtAbbreviationsNumbersOrInitials() {
        assertThat(SentenceSplitter.split("Dr. Chan said the No. 8 signal was issued at 3.40 pm. Carrie C. Lam spoke later. See www.info.gov.hk for more."))
                .containsExactly("Dr. Chan said the No. 8 signal was issued at 3.40 pm.", "Carrie C. Lam spoke later.", "See www.info.gov.hk for more.");
    }

    @Test
    void splitsMixedCantoneseAndEnglish() {
        assertThat(SentenceSplitter.split("佢話MTR今日正常。It is running now. 冇問題"))
                .containsExactly("佢話MTR今日正常。", "It is running now.", "冇問題");
    }
}
