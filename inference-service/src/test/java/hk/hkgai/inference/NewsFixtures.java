package hk.hkgai.inference;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.ContextPassage;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import hk.hkgai.inference.backend.extractive.ExtractiveComposer;
import java.util.List;

/** Hong Kong news passages, written for these tests, in the three scripts the mesh serves. */
public final class NewsFixtures {
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

    private NewsFixtures() {
    }

    public static List<ExtractiveComposer.Passage> passages() {
        return List.of(new ExtractiveComposer.Passage(1, TYPHOON), new ExtractiveComposer.Passage(2, MTR),
                new ExtractiveComposer.Passage(3, LEGCO));
    }

    public static List<ContextPassage> context() {
        return List.of(
                ContextPassage.newBuilder().setMarker(1).setTitle("八號烈風或暴風信號").setText(TYPHOON)
                        .setSource("香港天文台").setLanguage("zh-Hant").build(),
                ContextPassage.newBuilder().setMarker(2).setTitle("东铁线服务暂停").setText(MTR)
                        .setSource("港铁").setLanguage("zh-Hans").build(),
                ContextPassage.newBuilder().setMarker(3).setTitle("LegCo passes security bill").setText(LEGCO)
                        .setSource("news.gov.hk").setLanguage("en").build());
    }

    /** A request as the gateway sends it: a system prompt, the user's question, the passages. */
    public static GenerateRequest.Builder request(String question, String language) {
        return GenerateRequest.newBuilder()
                .setRequestId("test-1")
                .addMessages(ChatMessage.newBuilder().setRole("system").setContent("根據以下資料回答，並註明出處。"))
                .addMessages(ChatMessage.newBuilder().setRole("user").setContent(question))
                .addAllContext(context())
                .setLanguage(language)
                .setParams(SamplingParams.getDefaultInstance());
    }
}
