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

    /** Fewer compliant answers than this is an example, not a pattern to continue. */
    static final int MIN_COMPLIANT_ANSWERS = 2;
    /**
     * An answer that opens by agreeing and gives nothing ("Sure! Step 1: [...]", "當然可以，步驟如下：［略］"), under
     * any answer label, "A:" and "答：" included: an FAQ's answers say something, a many-shot prompt's only agree.
     */
    private static final Pattern COMPLIANT_ANSWER = Pattern.compile(
            "(?i)(?:\\b(?:assistant|ai|bot|a|answer|response)|助手|助理|答|回答|回覆|回复)\\s*[:：]\\s*[\"“「]?\\s*"
                    + "(?:sure\\b|of course|certainly|absolutely|no problem|happy to help|here(?:'s| is) how|"
                    + "當然|当然|冇問題|没问题|無問題)"); // not "yes", "可以", "步驟如下": FAQ answers open so too

    /**
     * True when the text holds at least {@value #MIN_ASSISTANT_TURNS} assistant turns and a user turn, or at least
     * {@value #MIN_COMPLIANT_ANSWERS} answers that only agree.
     */
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
        if (assistant >= MIN_ASSISTANT_TURNS && user >= 1) {
            return true;
        }
        int compliant = 0;
        Matcher c = COMPLIANT_ANSWER.matcher(text);
        while (c.find() && ++compliant < MIN_COMPLIANT_ANSWERS) {
            // counting
        }
        return compliant >= MIN_COMPLIANT_ANSWERS;
    }
}
