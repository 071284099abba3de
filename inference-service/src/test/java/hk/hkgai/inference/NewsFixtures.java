package hk.hkgai.inference;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.ContextPassage;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import hk.hkgai.text.extractive.ExtractiveComposer;
import hk.hkgai.text.extractive.NewsSamples;
import java.util.List;

/** The news samples of text-common's tests, as the worker receives them (gRPC context passages, requests). */
public final class NewsFixtures {
    public static final String TYPHOON = NewsSamples.TYPHOON;
    public static final String MTR = NewsSamples.MTR;
    public static final String LEGCO = NewsSamples.LEGCO;

    private NewsFixtures() {
    }

    public static List<ExtractiveComposer.Passage> passages() {
        return NewsSamples.passages();
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
