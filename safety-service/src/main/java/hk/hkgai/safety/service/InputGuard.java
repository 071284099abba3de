package hk.hkgai.safety.service;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.safety.pii.PiiDetector;
import hk.hkgai.safety.policy.PolicyAction;
import hk.hkgai.text.LanguageDetector;
import hk.hkgai.text.Lang;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Decides on a request before anything is retrieved or generated. The last user turn decides the
 * language; every user turn is checked (an attack may be spread over the conversation), and the
 * strictest action wins.
 */
@ApplicationScoped
public class InputGuard {
    private final PolicyEvaluator evaluator;

    public InputGuard(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Verdict check(List<ChatMessage> messages) {
        List<String> userTurns = messages.stream().filter(m -> "user".equals(m.getRole())).map(ChatMessage::getContent).toList();
        if (userTurns.isEmpty()) {
            throw new IllegalArgumentException("messages must contain at least one user turn");
        }
        String last = userTurns.get(userTurns.size() - 1);
        Lang lang = LanguageDetector.detect(last);
        Evaluation lastEval = evaluator.evaluate(last);
        // Earlier turns and their concatenation catch an attack split across turns.
        Evaluation conversation = userTurns.size() == 1 ? lastEval : evaluator.evaluate(String.join("\n", userTurns));

        PolicyAction action = lastEval.action().strictest(conversation.action() == PolicyAction.REFUSE ? PolicyAction.REFUSE : PolicyAction.ALLOW);
        Verdict.Builder v = Verdict.newBuilder()
                .setAction(action.proto())
                .setLanguage(lang.code())
                .setPolicyVersion(evaluator.policy().version());
        lastEval.hits().forEach(h -> v.addHits(h.toProto()));
        if (conversation != lastEval) {
            conversation.hits().stream().filter(h -> !lastEval.hits().contains(h)).forEach(h -> v.addHits(h.toProto()));
        }
        switch (action) {
            case REFUSE -> v.setMessage(evaluator.policy().refusal(lang));
            case REDACT -> {
                v.setRedactedText(PiiDetector.redact(last, lastEval.pii()));
                v.setGuidance(lastEval.guidance());
            }
            case GUIDE -> v.setGuidance(lastEval.guidance());
            case ALLOW -> { }
        }
        return v.build();
    }
}
