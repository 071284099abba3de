package hk.hkgai.inference.backend.onnx;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import hk.hkgai.contracts.common.v1.ChatMessage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a model's own Hugging Face chat template (Jinja) to the prompt text, the way transformers'
 * {@code apply_chat_template(add_generation_prompt=True)} does: trim_blocks and lstrip_blocks on, the variables
 * {@code messages}, {@code add_generation_prompt}, {@code bos_token}, {@code eos_token}, and
 * {@code raise_exception} for templates that reject a conversation shape. Thread-safe.
 */
public final class ChatTemplate {
    private final Jinjava jinjava;
    private final String template;
    private final Map<String, Object> tokens;

    public ChatTemplate(String template, Optional<String> bosToken, String eosToken) {
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true)
                .withFailOnUnknownTokens(false).build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
                ChatTemplate.class, "raiseException", String.class));
        this.template = template;
        Map<String, Object> t = new HashMap<>();
        t.put("bos_token", bosToken.orElse(""));
        t.put("eos_token", eosToken);
        this.tokens = Map.copyOf(t);
    }

    /** The prompt for these turns, ending with the assistant's opening. */
    public String render(List<ChatMessage> messages) {
        Map<String, Object> bindings = new HashMap<>(tokens);
        bindings.put("messages", messages.stream().map(ChatTemplate::asMap).toList());
        bindings.put("add_generation_prompt", true);
        REJECTION.remove();
        RenderResult result = jinjava.renderForResult(template, bindings);
        String rejection = REJECTION.get();
        REJECTION.remove();
        if (rejection != null) {
            throw new IllegalArgumentException("the model's chat template rejects these messages: " + rejection);
        }
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!fatal.isEmpty()) {
            throw new IllegalStateException("chat template failed: " + fatal.get(0).getMessage());
        }
        return result.getOutput();
    }

    private static Map<String, Object> asMap(ChatMessage m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", m.getRole());
        map.put("content", m.getContent());
        return map;
    }

    /** Jinjava wraps a function's exception in its own message; the template's words travel here instead. */
    private static final ThreadLocal<String> REJECTION = new ThreadLocal<>();

    /** Bound to {@code raise_exception(message)} in templates. */
    public static String raiseException(String message) {
        REJECTION.set(message);
        throw new IllegalArgumentException(message);
    }
}
