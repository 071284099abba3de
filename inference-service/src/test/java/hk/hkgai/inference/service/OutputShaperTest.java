package hk.hkgai.inference.service;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.contracts.inference.v1.FinishReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputShaperTest {
    @Test
    void cutsAtAStopStringSplitAcrossDeltas() {
        OutputShaper shaper = new OutputShaper(List.of("###"), 0);
        StringBuilder out = new StringBuilder();

        out.append(shaper.offer("天文台發出八號信號#"));
        out.append(shaper.offer("#"));
        assertThat(shaper.finished()).isFalse();
        out.append(shaper.offer("#港鐵服務暫停"));

        assertThat(out).hasToString("天文台發出八號信號");
        assertThat(shaper.finishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
        assertThat(shaper.offer("more")).isEmpty();
    }

    @Test
    void releasesHeldBackTextWhenTheStreamEnds() {
        OutputShaper shaper = new OutputShaper(List.of("END"), 0);

        String first = shaper.offer("Signal No. 8 is in force");
        String rest = shaper.complete(null);

        assertThat(first + rest).isEqualTo("Signal No. 8 is in force");
        assertThat(rest).hasSize(2); // "END".length() - 1 was held back
        assertThat(shaper.finishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
    }

    @Test
    void endsWithLengthWhenTheBudgetIsSpent() {
        OutputShaper shaper = new OutputShaper(List.of(), 5);

        String out = shaper.offer("天文台發出八號信號");

        assertThat(out).isEqualTo("天文台發出");
        assertThat(shaper.finishReason()).isEqualTo(FinishReason.FINISH_REASON_LENGTH);
        assertThat(shaper.completionTokens()).isEqualTo(5);
    }

    @Test
    void anAnswerThatFitsExactlyIsNotCut() {
        OutputShaper shaper = new OutputShaper(List.of(), 5);

        assertThat(shaper.offer("天文台發出")).isEqualTo("天文台發出");
        assertThat(shaper.complete(null)).isEmpty();
        assertThat(shaper.finishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
    }

    @Test
    void neverSplitsASurrogatePair() {
        // 𠝹 (U+20779) is a Cantonese character outside the BMP: two UTF-16 units.
        OutputShaper shaper = new OutputShaper(List.of("xyz"), 0);

        // Two units are held back for the stop string; the cut would fall inside 𠝹, so it moves before it.
        String first = shaper.offer("一𠝹二");
        String second = shaper.offer("三𠝹");

        assertThat(first).isEqualTo("一");
        assertThat(second).isEqualTo("𠝹二三");
        assertThat(first + second + shaper.complete(null)).isEqualTo("一𠝹二三𠝹");
    }

    @Test
    void countsEnglishWordsOnceWhenSplitAcrossDeltas() {
        OutputShaper shaper = new OutputShaper(List.of(), 0);
        shaper.offer("Legis");
        shaper.offer("lative Council");
        shaper.complete(null);

        assertThat(shaper.completionTokens()).isEqualTo(TokenEstimator.estimate("Legislative Council")).isEqualTo(3);
    }
}
