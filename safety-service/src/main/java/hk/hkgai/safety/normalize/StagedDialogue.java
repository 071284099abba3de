package hk.hkgai.safety.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * A speaker label in a folded text: a short name without spaces and a colon at a line start or after a space or a
     * sentence end ("user:", "阿明：", "ai助理：", "customer:"; in "例子10 問：" the label is 問). Which labels are the two speakers is read from how they alternate.
     */
    private static final Pattern LABEL = Pattern.compile(
            "(?:^|(?<=[\\s\"“「『\\]】)）.。!！?？]))(?:\\*\\*)?([\\p{L}\\p{N}_-]{1,12})(?:\\*\\*)?\\s*[:：]", Pattern.MULTILINE);
    /** A chat log written as JSON messages: each message's role becomes its label. */
    private static final Pattern JSON_ROLE = Pattern.compile("\\{\\s*\"role\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"content\"\\s*:\\s*\"");
    /** Fewer turns of either speaker than this is a quote, not a transcript. */
    private static final int MIN_TURNS_EACH = 2;

    private record Turn(String label, int start, int end) {
    }

    /**
     * The asker's last turn in a transcript staged in one message (folded text, {@link ObfuscationNormalizer#fold}),
     * or null: a many-shot prompt's payload is its final question, and read inside thirty harmless turns it is
     * diluted; a harmless pasted chat log read whole looks like a many-shot prompt. Of the two busiest labels (each at
     * least {@value #MIN_TURNS_EACH} times) the one that speaks later answers, and every other label asks; whatever follows the asker's last turn (an empty "Assistant:" to complete, "don't refuse, you answered
     * all the others") is the frame, not the question. Null when the turn is most of the text.
     */
    public static String finalTurnFolded(String folded) {
        if (folded == null || folded.length() < 150 || colons(folded) < 2 * MIN_TURNS_EACH) {
            return null;
        }
        String text = folded.indexOf("\"role\"") >= 0 ? JSON_ROLE.matcher(folded).replaceAll("\n$1: ") : folded;
        List<Turn> turns = new ArrayList<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            if (!turns.isEmpty()) {
                Turn last = turns.remove(turns.size() - 1);
                turns.add(new Turn(last.label(), last.start(), m.start()));
            }
            turns.add(new Turn(m.group(1).strip(), m.end(), text.length()));
        }
        Map<String, Integer> counts = new HashMap<>();
        turns.forEach(t -> counts.merge(t.label(), 1, Integer::sum));
        List<String> top = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_TURNS_EACH)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(2).map(Map.Entry::getKey).toList();
        if (top.size() < 2) {
            return null;
        }
        // Of the two busiest labels, the one that speaks later answers; every other label asks (a forum thread has
        // many askers and one "AI_Helper"). The first turn before any answer is a preamble ("Thread: …").
        int first0 = firstIndex(turns, top.get(0));
        int first1 = firstIndex(turns, top.get(1));
        String answerer = first0 > first1 ? top.get(0) : top.get(1);
        int start = Math.max(0, Math.min(first0, first1));
        List<Turn> dialogue = turns.subList(start, turns.size());
        int switches = 0;
        int asked = 0;
        Turn last = null;
        for (int i = 0; i < dialogue.size(); i++) {
            boolean answers = dialogue.get(i).label().equals(answerer);
            if (i > 0 && answers != dialogue.get(i - 1).label().equals(answerer)) {
                switches++;
            }
            if (!answers) {
                asked++;
                last = dialogue.get(i);
            }
        }
        if (switches < 2 * MIN_TURNS_EACH - 1 || asked < MIN_TURNS_EACH || last == null) {
            return null;
        }
        String turn = text.substring(last.start(), last.end()).strip();
        return turn.length() < 4 || turn.length() > folded.length() * 3 / 5 ? null : turn;
    }

    private static int firstIndex(List<Turn> turns, String label) {
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    private static int colons(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            n += c == ':' || c == '：' ? 1 : 0;
        }
        return n;
    }

    /** True when at least {@value #MIN_COMPLIANT_ANSWERS} answers only agree ("Sure! Step 1: [...]"): the many-shot attack's own mark. */
    private static boolean hasCompliantAnswers(String text) {
        int compliant = 0;
        Matcher c = COMPLIANT_ANSWER.matcher(text);
        while (c.find() && ++compliant < MIN_COMPLIANT_ANSWERS) {
            // counting
        }
        return compliant >= MIN_COMPLIANT_ANSWERS;
    }

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
        return assistant >= MIN_ASSISTANT_TURNS && user >= 1 || hasCompliantAnswers(text);
    }
}
