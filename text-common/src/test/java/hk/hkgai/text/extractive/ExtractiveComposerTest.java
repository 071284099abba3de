package hk.hkgai.text.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.text.ChineseScript;
import hk.hkgai.text.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractiveComposerTest {
    private final ExtractiveComposer composer = new ExtractiveComposer(ExtractiveComposer.Settings.DEFAULTS);

    @Test
    void answersFromTheMatchingSentencesWithTheirMarkers() {
        var answer = composer.compose("天文台幾點發出八號風球？", NewsSamples.passages(), Lang.YUE);

        assertThat(answer.grounded()).isTrue();
        assertThat(answer.text()).startsWith("根據最新資料：")
                .contains("天文台在上午9時40分發出八號東北烈風或暴風信號[1]。")
                .doesNotContain("港鐵", "Legislative");
        assertThat(answer.markers()).containsExactly(1);
    }

    @Test
    void answersAnEnglishQuestionFromTheEnglishPassage() {
        var answer = composer.compose("When did the Legislative Council pass the national security bill?",
                NewsSamples.passages(), Lang.EN);

        assertThat(answer.text()).startsWith("According to the latest sources: ")
                .contains("The Legislative Council passed the Safeguarding National Security Bill on 19 March 2024[3].")
                .doesNotContain("Budget");
        assertThat(answer.markers()).containsExactly(3);
    }

    @Test
    void answersASimplifiedQuestionAboutATraditionalPassageInSimplifiedScript() {
        var answer = composer.compose("八号信号会维持到什么时候？", NewsSamples.passages(), Lang.ZH_HANS);

        assertThat(answer.text()).startsWith("根据最新资料：").contains("八号信号会维持至少至下午4时[1]。");
        assertThat(traditionalOnly(answer.text())).isEmpty();
    }

    @Test
    void answersACantoneseQuestionInTraditionalScript() {
        var answer = composer.compose("東鐵綫點解停咗？", NewsSamples.passages(), Lang.YUE);

        assertThat(answer.markers()).containsExactly(2);
        assertThat(answer.text()).startsWith("根據最新資料：").contains("港鐵東鐵", "暫停[2]。");
        assertThat(simplifiedOnly(answer.text())).isEmpty();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "今日恒生指數收市幾多點？|yue|我喺現有資料入面搵唔到答案。",
            "恆生指數今天收市報多少點？|zh-Hant|現有資料中找不到相關答案。",
            "恒生指数今天收市报多少点？|zh-Hans|现有资料中找不到相关答案。",
            "What is the price of Bitcoin today?|en|I could not find an answer to this in the available sources.",
    })
    void saysPlainlyWhenTheSourcesDoNotAnswer(String question, String lang, String expected) {
        var answer = composer.compose(question, NewsSamples.passages(), Lang.fromCode(lang).orElseThrow());

        assertThat(answer.grounded()).isFalse();
        assertThat(answer.text()).isEqualTo(expected);
        assertThat(answer.markers()).isEmpty();
    }

    @Test
    void saysPlainlyWhenThereAreNoPassages() {
        var answer = composer.compose("天文台幾點發出八號風球？", List.of(), Lang.YUE);

        assertThat(answer.text()).isEqualTo("我喺現有資料入面搵唔到答案。");
    }

    @Test
    void keepsOneOfTwoNearDuplicateSentences() {
        var passages = List.of(
                new ExtractiveComposer.Passage(1, NewsSamples.TYPHOON),
                // The same notice reported by another outlet, in Simplified script and with 於 for 在.
                new ExtractiveComposer.Passage(2, "天文台于上午9时40分发出八号东北烈风或暴风信号。八号信号下，港铁地面路段服务暂停。"));

        var answer = composer.compose("天文台幾點發出八號風球？", passages, Lang.ZH_HANT);

        String text = answer.text();
        assertThat(text.indexOf("東北烈風")).isNotNegative().isEqualTo(text.lastIndexOf("東北烈風"));
        assertThat(text).contains("暴風信號[1]。").doesNotContain("暴風信號[2]");
    }

    @Test
    void presentsSentencesByPassageRankThenPosition() {
        var answer = composer.compose("八號信號生效期間，市民應該留在安全地方嗎？八號信號會維持到幾時？",
                NewsSamples.passages(), Lang.ZH_HANT);

        String text = answer.text();
        assertThat(text).contains("八號信號會維持至少至下午4時[1]。", "市民應留在安全地方，遠離海旁及低窪地區[1]。");
        assertThat(text.indexOf("八號信號會維持")).isLessThan(text.indexOf("市民應留在"));
    }

    @Test
    void citesBeforeTheClosingPunctuation() {
        assertThat(ExtractiveComposer.cite("他說：「會加強巡查。」", 2)).isEqualTo("他說：「會加強巡查[2]。」");
        assertThat(ExtractiveComposer.cite("Services resumed at 5 pm.", 3)).isEqualTo("Services resumed at 5 pm[3].");
        assertThat(ExtractiveComposer.cite("港鐵服務已回復正常", 1)).isEqualTo("港鐵服務已回復正常[1]。");
        assertThat(ExtractiveComposer.cite("首階段工程完成；", 4)).isEqualTo("首階段工程完成[4]。");
    }

    private static String traditionalOnly(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(cp -> isUnifiedHan(cp) && ChineseScript.isTraditionalOnly(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String simplifiedOnly(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(cp -> isUnifiedHan(cp) && ChineseScript.isSimplifiedOnly(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** ChineseScript's tables cover the CJK Unified Ideographs block only. */
    private static boolean isUnifiedHan(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF;
    }
}
