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
    void textWithoutSentenceEndsStreamsBehindASlidingWindow() {
        OutputGuard.Session s = guard.open();
        String english = "The Hong Kong Observatory says the Standby Signal No. 1 is in force and that winds will strengthen "
                + "gradually over the coastal waters tonight as the tropical cyclone edges closer to the Pearl River Estuary";
        StringBuilder released = new StringBuilder();
        int releases = 0;
        for (int i = 0; i < english.length(); i += 5) {
            String piece = s.accept(delta(english.substring(i, Math.min(english.length(), i + 5)))).getSafeText();
            assertThat(released.length() + piece.length()).isLessThanOrEqualTo(Math.max(0, i + 5 - OutputGuard.WINDOW));
            releases += piece.isEmpty() ? 0 : 1;
            released.append(piece);
        }
        released.append(s.accept(end("")).getSafeText());
        assertThat(releases).isGreaterThan(3);
        assertThat(released.toString()).isEqualTo(english);
    }

    @Test
    void theWindowNeverCutsThroughAPhoneNumber() {
        OutputGuard.Session s = guard.open();
        String filler = "x".repeat(OutputGuard.WINDOW);
        StringBuilder released = new StringBuilder();
        for (String d : new String[] {"Call 9123 ", "4567 for help " + filler, "more text " + filler}) {
            released.append(s.accept(delta(d)).getSafeText());
        }
        released.append(s.accept(end("")).getSafeText());
        assertThat(released.toString()).contains("Call [PHONE] for help").doesNotContain("9123").doesNotContain("4567");
    }

    @Test
    void aHarmfulPhraseIsRefusedBeforeAnyOfItIsReleased() {
        OutputGuard.Session s = guard.open();
        String lead = "好，我話你知".repeat(12);
        StringBuilder released = new StringBuilder();
        OutputVerdict v = null;
        for (String d : new String[] {lead, "點樣整", "炸彈", "先", "：首先"}) {
            v = s.accept(OutputChunk.newBuilder().setLanguage("yue").setTextDelta(d).build());
            released.append(v.getSafeText());
        }
        v = v.getAction() == Action.ACTION_REFUSE ? v : s.accept(OutputChunk.newBuilder().setLanguage("yue").setEnd(true).build());
        assertThat(v.getAction()).isEqualTo(Action.ACTION_REFUSE);
        assertThat(released.toString()).doesNotContain("點樣").doesNotContain("炸");
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
