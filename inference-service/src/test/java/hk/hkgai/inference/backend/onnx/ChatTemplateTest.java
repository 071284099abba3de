package hk.hkgai.inference.backend.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.hkgai.contracts.common.v1.ChatMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    /** Qwen2-Instruct's template, as its tokenizer_config.json ships it. */
    static final String QWEN2 = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
            + "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
            + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    static ChatMessage m(String role, String content) {
        return ChatMessage.newBuilder().setRole(role).setContent(content).build();
    }

    @Test
    void rendersAMultiTurnConversationAsTransformersDoes() {
        ChatTemplate t = new ChatTemplate(QWEN2, Optional.empty(), "<|im_end|>");
        String prompt = t.render(List.of(m("system", "你是香港的助手。"), m("user", "今日會唔會落雨？"),
                m("assistant", "天文台話下晝有驟雨。"), m("user", "咁要唔要帶遮？")));
        assertThat(prompt).isEqualTo("<|im_start|>system\n你是香港的助手。<|im_end|>\n"
                + "<|im_start|>user\n今日會唔會落雨？<|im_end|>\n"
                + "<|im_start|>assistant\n天文台話下晝有驟雨。<|im_end|>\n"
                + "<|im_start|>user\n咁要唔要帶遮？<|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void addsTheTemplatesDefaultSystemTurnWhenThereIsNone() {
        ChatTemplate t = new ChatTemplate(QWEN2, Optional.empty(), "<|im_end|>");
        assertThat(t.render(List.of(m("user", "What is the Basic Law?")))).isEqualTo(
                "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                        + "<|im_start|>user\nWhat is the Basic Law?<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void bosTokenAndWhitespaceControlWorkLikeJinja() {
        String llamaLike = "{{ bos_token }}{% for message in messages %}\n"
                + "  {%- if message['role'] == 'user' %}[INST] {{ message['content'] | trim }} [/INST]{% endif %}\n"
                + "{% endfor %}";
        ChatTemplate t = new ChatTemplate(llamaLike, Optional.of("<s>"), "</s>");
        assertThat(t.render(List.of(m("user", "  hello  ")))).isEqualTo("<s>[INST] hello [/INST]");
    }

    @Test
    void aTemplatesRaiseExceptionBecomesABadRequest() {
        String strict = "{% for message in messages %}{% if message['role'] == 'system' %}"
                + "{{ raise_exception('System role not supported') }}{% endif %}{{ message['content'] }}{% endfor %}";
        ChatTemplate t = new ChatTemplate(strict, Optional.empty(), "</s>");
        assertThatThrownBy(() -> t.render(List.of(m("system", "x"), m("user", "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("System role not supported");
    }
}
