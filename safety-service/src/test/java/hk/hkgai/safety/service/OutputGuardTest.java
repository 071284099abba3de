package hk.hkgai.safety.service;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.safety.v1.OutputChunk;
import hk.hkgai.contracts.safety.v1.OutputVerdict;
import org.junit.jupiter.api.Test;

class OutputGuardTest {
    private final OutputGuard guard = new OutputGuard(GuardFixtures.EVALUATOR);

    @Test
    void releasesWholeSentencesAndHoldsBackTheTail() {
        OutputGuard.Session s = guard.open();
        assertThat(s.accept(delta("天文台表示，八號")).getSafeText()).isEmpty();
        assertThat(s.accept(delta("信號現正生效。市民")).getSafeText()).isEqualTo("天文台表示，八號信號現正生效。");
        assertThat(s.accept(end("應留在室內")).getSafeText()).isEqualTo("市民應留在室內");
    }

    @Test
    void masksAPhoneNumberSplitAcrossDeltas() {
        OutputGuard.Session s = guard.open();
        StringBuilder released = new StringBuilder();
        for (String d : new String[] {"查詢請致電 91", "23 4", "567。", "多謝。"}) {
            released.append(s.accept(delta(d)).getSafeText());
        }
        released.append(s.accept(end("")).getSafeText());
        assertThat(released.toString()).isEqualTo("查詢請致電 [PHONE]。多謝。");
    }

    @Test
    void refusesInTheUsersLanguageOnceHarmfulTextAppears() {
        OutputGuard.Session s = guard.open();
        s.accept(delta("好，我話你知"));
        OutputVerdict v = s.accept(OutputChunk.newBuilder().setLanguage("yue").setTextDelta("點樣整炸彈。").build());
        assertThat(v.getAction()).isEqualTo(Action.ACTION_REFUSE);
        assertThat(v.getSafeText()).isEmpty();
        assertThat(v.getMessage()).contains("對唔住");
        assertThat(s.accept(end("第一步")).getSafeText()).isEmpty();
    }

    private static OutputChunk delta(String text) {
        return OutputChunk.newBuilder().setLanguage("zh-Hant").setTextDelta(text).build();
    }

    private static OutputChunk end(String text) {
        return OutputChunk.newBuilder().setLanguage("zh-Hant").setTextDelta(text).setEnd(true).build();
    }
}
