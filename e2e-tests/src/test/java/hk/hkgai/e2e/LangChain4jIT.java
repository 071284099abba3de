package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway as a Java app uses it: LangChain4j's OpenAI chat models, blocking and streaming. */
class LangChain4jIT {
    private static Mesh mesh;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
    }

    private static OpenAiChatModel chatModel(String key) {
        return OpenAiChatModel.builder().baseUrl(mesh.gatewayUrl + "/v1").apiKey(key).modelName("hkgai")
                .timeout(Duration.ofSeconds(60)).maxRetries(0).build();
    }

    @Test
    void aMultiTurnConversationGetsAGroundedAnswerInTheUsersScript() {
        ChatResponse r = chatModel(mesh.devKey).chat(ChatRequest.builder().messages(
                SystemMessage.from("You are a helpful assistant for Hong Kong residents."),
                UserMessage.from("你好"),
                AiMessage.from("你好！有咩可以幫到你？"),
                UserMessage.from("天文台发出了几号风球？")).build());

        assertThat(r.aiMessage().text()).contains("八号").contains("[1]");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.tokenUsage().totalTokenCount()).isPositive();
        assertThat(r.metadata().modelName()).isEqualTo("hkgai-extractive-v1");
    }

    @Test
    void theStreamingModelReceivesPartialsThatAddUpToTheAnswer() throws Exception {
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(mesh.gatewayUrl + "/v1")
                .apiKey(mesh.devKey).modelName("hkgai").timeout(Duration.ofSeconds(60)).build();
        List<String> partials = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streaming.chat("Who can get a free flu vaccine this winter?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse r = done.get(60, TimeUnit.SECONDS);

        assertThat(partials.size()).isGreaterThan(1);
        assertThat(String.join("", partials)).isEqualTo(r.aiMessage().text()).contains("[1]");
        assertThat(r.aiMessage().text()).isEqualTo(chatModel(mesh.devKey).chat("Who can get a free flu vaccine this winter?"));
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void aWrongKeyIsAnAuthenticationException() {
        assertThatThrownBy(() -> chatModel("hk-not-a-key").chat("你好")).isInstanceOf(AuthenticationException.class);
    }
}
