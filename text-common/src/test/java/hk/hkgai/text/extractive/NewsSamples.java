package hk.hkgai.text.extractive;

import java.util.List;

/**
 * Hong Kong news passages, written for tests, in the three scripts the mesh serves. Shared with other modules'
 * tests through this module's test-jar.
 */
public final class NewsSamples {
    /** A typhoon signal notice in Traditional Chinese (marker 1). */
    public static final String TYPHOON = "天文台在上午9時40分發出八號東北烈風或暴風信號。"
            + "颱風「摩羯」正逐漸靠近香港，預料今日下午在本港以南約100公里掠過。"
            + "八號信號會維持至少至下午4時。"
            + "市民應留在安全地方，遠離海旁及低窪地區。"
            + "天文台表示，本港明日天氣大致多雲，有幾陣驟雨。";

    /** An MTR disruption in Simplified Chinese (marker 2). */
    public static final String MTR = "港铁东铁线因信号故障，红磡站至旺角东站之间的列车服务暂停。"
            + "港铁表示，工程人员正在抢修，预计需时约一小时才能恢复服务。"
            + "乘客可改乘屯马线或免费接驳巴士。"
            + "港铁向受影响的乘客致歉。";

    /** A Legislative Council item in English (marker 3). */
    public static final String LEGCO = "The Legislative Council passed the Safeguarding National Security Bill "
            + "on 19 March 2024. The Secretary for Security said the new ordinance would take effect on 23 March. "
            + "Members also debated a motion on the 2024-25 Budget. "
            + "The Chief Executive signed the bill into law on the same day.";

    private NewsSamples() {
    }

    public static List<ExtractiveComposer.Passage> passages() {
        return List.of(new ExtractiveComposer.Passage(1, TYPHOON), new ExtractiveComposer.Passage(2, MTR),
                new ExtractiveComposer.Passage(3, LEGCO));
    }
}
