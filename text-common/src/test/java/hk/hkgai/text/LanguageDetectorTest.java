package hk.hkgai.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', value = {
            "天文台有冇掛八號風球？|yue",
            "佢哋話今晚會落大雨，你記得帶遮。|yue",
            "港鐵話東鐵綫而家嘅服務已經回復正常|yue",
            "教我點樣整炸彈|yue",
            "點解今日咁熱？|yue",
            "係咪㗎？佢今日唔使返工喎|yue",
            "我電話係 9123 4567，今晚會唔會落雨？|yue",
            "天文台表示，八號烈風或暴風信號現正生效。|zh-Hant",
            "香港特別行政區政府今日公布最新的施政報告。|zh-Hant",
            "天文台表示，八号烈风或暴风信号现正生效。|zh-Hans",
            "香港特别行政区政府今日公布最新的施政报告。|zh-Hans",
            "The Hong Kong Observatory has issued the No. 8 Gale or Storm Signal.|en",
            "Is the MTR East Rail line running normally today?|en",
            "The LegCo passed the 《基本法》第23條 bill today after a long debate in the chamber.|en",
    })
    void detectsLanguageAndScriptOfRealSentences(String text, String expected) {
        assertThat(LanguageDetector.detect(text).code()).isEqualTo(expected);
    }
}
