package hk.hkgai.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.text.Lang;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptDetectorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "天文台表示，一股強烈東北季候風正影響廣東沿岸，市民應注意保暖。                       | ZH_HANT | HANT",
            "佢哋話港鐵東鐵綫今朝訊號故障，班次延誤大約十五分鐘。                                 | YUE     | HANT",
            "香港特别行政区政府今日公布新一轮公共交通费用补贴计划。                               | ZH_HANS | HANS",
            "The Legislative Council passed the Stamp Duty (Amendment) Bill 2026 on Tuesday.   | EN      | LATIN",
            "MTR 港鐵表示，Tsuen Wan Line 荃灣綫服務已回復正常。                                 | ZH_HANT | HANT",
            "The Chief Executive, 李家超, said the Northern Metropolis remained a priority.    | EN      | LATIN",
            "港鐵東鐵綫今日恢復正常。The MTR said East Rail Line services resumed at 7am today. | ZH_HANT | MIXED",
            "香港天文台發出黃色暴雨警告信號，預計大雨會持续，请市民注意交通安排并远离低洼地区。        | ZH_HANT | MIXED",
            "香港天文台                                                                        | ZH_HANT | HANT",
            "香港天文台                                                                        | ZH_HANS | HANS",
            "2026                                                                             | EN      | LATIN"})
    void detects(String text, Lang language, Script expected) {
        assertThat(ScriptDetector.detect(text.strip(), language)).isEqualTo(expected);
    }
}
