package hk.hkgai.safety.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a dialogue staged inside one message: several turns labelled as the assistant's ("Assistant:", "AI:",
 * "助手：") between the user's, which is how a many-shot jailbreak teaches the model, in its own
 * context, that it already answered such questions (Anil et al., "Many-shot jailbreaking", 2024). Real users
 * sometimes paste a chat log to be summarised, so a staged dialogue alone refuses nothing: like a disguised text,
 * it lets the classifier act on a weaker score ({@link hk.hkgai.safety.classifier.ClassifierLayer}).
 */
public final class StagedDialogue {
    /** Fewer assistant turns than this is an example or a quote, not a lesson in compliance. */
    static final int MIN_ASSISTANT_TURNS = 3;

    // Conversation roles only: "Q:" and "A:" (問/答) also head every FAQ that public bodies publish, and a pasted
    // FAQ about drug law or scams must not make the guard any stricter.
    private static final String ASSISTANT = "assistant|ai|bot|chatbot|chatgpt|gpt|claude|llm|model|"
            + "助手|助理|ai助手|機械人|机器人|模型";
    private static final String USER = "user|human|me|you|用戶|用户|我|人類|人类";
    private static final Pattern TURN = Pattern.compile(
            "(?im)(?:^|[\"“「『]\\s*)\\s*(?:\\*\\*)?(?:(" + ASSISTANT + ")|(" + USER + "))(?:\\*\\*)?\\s*[:：]");

    private StagedDialogue() {
    }

    /** True when the text holds at least {@value #MIN_ASSISTANT_TURNS} assistant turns and a user turn. */
    public static boolean isStaged(String text) {
        if (text == null || text.length() < 20) {
            return false;
        }
        int assistant = 0;
        int user = 0;
        Matcher m = TURN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                assistant++;
            } else {
                user++;
            }
        }
        return assistant >= MIN_ASSISTANT_TURNS && user >= 1;
    }
}
