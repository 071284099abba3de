package hk.hkgai.safety.service;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.safety.pii.PiiDetector;
import hk.hkgai.safety.policy.CompiledPolicy;
import hk.hkgai.safety.policy.PolicyAction;
import hk.hkgai.text.LanguageDetector;
import hk.hkgai.text.Lang;
import hk.hkgai.safety.classifier.ClassifierLayer;
import hk.hkgai.safety.classifier.SemanticClassifier;
import hk.hkgai.safety.config.ClassifierConfig;
import hk.hkgai.safety.normalize.Disguise;
import hk.hkgai.safety.normalize.TextView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Decides on a request before anything is retrieved or generated. The last user turn decides the
 * language; every user turn is checked (an attack may be spread over the conversation), and the
 * strictest action wins.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class InputGuard {
    private final PolicyEvaluator evaluator;
    private final ClassifierLayer classifier;

    /** Lexicon, obfuscation and personal-data layers only (unit tests of those layers). */
    public InputGuard(PolicyEvaluator evaluator) {
        this(evaluator, (ClassifierLayer) null);
    }

    @Inject
    public InputGuard(PolicyEvaluator evaluator, SemanticClassifier classifier, ClassifierConfig config) {
        this(evaluator, new ClassifierLayer(classifier, config));
        // Built at startup (@Startup) and run once, so that no request pays for loading the normalizer's word lists
        // (English words, the pinyin of watched words) and compiling its patterns.
        check(List.of(ChatMessage.newBuilder().setRole("user").setContent("w4rm up 預熱 火乍 「a」+「b」 p1=x p2=y zenme yure").build()));
    }

    public InputGuard(PolicyEvaluator evaluator, ClassifierLayer classifier) {
        this.evaluator = evaluator;
        this.classifier = classifier;
    }

    public Verdict check(List<ChatMessage> messages) {
        return check("", messages);
    }

    /** Decides under the tenant's view of the policy (its overrides, if any). */
    public Verdict check(String tenant, List<ChatMessage> messages) {
        CompiledPolicy policy = evaluator.policy().forTenant(tenant);
        List<String> userTurns = messages.stream().filter(m -> "user".equals(m.getRole())).map(ChatMessage::getContent).toList();
        if (userTurns.isEmpty()) {
            throw new IllegalArgumentException("messages must contain at least one user turn");
        }
        String last = userTurns.get(userTurns.size() - 1);
        Lang lang = LanguageDetector.detect(last);
        Evaluation lastEval = withClassifier(last, evaluator.evaluate(last, policy), policy);
        // Earlier turns and their concatenation catch an attack split across turns.
        Evaluation conversation = userTurns.size() == 1 ? lastEval : evaluator.evaluate(String.join("\n", userTurns), policy);

        PolicyAction action = lastEval.action().strictest(conversation.action() == PolicyAction.REFUSE ? PolicyAction.REFUSE : PolicyAction.ALLOW);
        Verdict.Builder v = Verdict.newBuilder()
                .setAction(action.proto())
                .setLanguage(lang.code())
                .setPolicyVersion(policy.version());
        lastEval.hits().forEach(h -> v.addHits(h.toProto()));
        if (conversation != lastEval) {
            conversation.hits().stream().filter(h -> !lastEval.hits().contains(h)).forEach(h -> v.addHits(h.toProto()));
        }
        switch (action) {
            case REFUSE -> v.setMessage(policy.refusal(lang));
            case REDACT -> {
                v.setRedactedText(PiiDetector.redact(last, lastEval.pii()));
                v.setGuidance(lastEval.guidance());
            }
            case GUIDE -> v.setGuidance(lastEval.guidance());
            case ALLOW -> { }
        }
        return v.build();
    }

    /**
     * Adds the semantic classifier's verdict on the last turn, unless the lexicon already refuses it (a refusal
     * cannot get stricter). It reads the plain text and every de-obfuscated reading that differs from it (look-alike
     * letters mapped back, spelled-out letters joined, base64 and hex decoded, split literals joined): an attack
     * spelled in Cyrillic look-alikes is noise to the embedding model until it is read back as the words it imitates.
     * A text that hid its words that way or otherwise dressed its request up ({@link Disguise}) acts from the caution
     * threshold ({@link ClassifierLayer}).
     */
    private Evaluation withClassifier(String text, Evaluation lexical, CompiledPolicy policy) {
        if (classifier == null || !classifier.enabled() || lexical.action() == PolicyAction.REFUSE) {
            return lexical;
        }
        List<String> texts = new java.util.ArrayList<>(4);
        List<TextView> views = lexical.views(); // the readings the lexicon already derived
        TextView finalTurn = views.stream().filter(v -> FINAL_TURN.equals(v.name())).findFirst().orElse(null);
        if (finalTurn != null) {
            // A transcript staged in one message is judged by its final question: read whole, a harmless pasted chat
            // log looks like the many-shot attacks the classifier learned from (19 of 24 such logs in the tuning set
            // ia6 were refused; 2 now), while the attack's payload is that question. The lexicon still reads every
            // turn. Also scoring the whole log for what it is about, not its shape, caught one more attack of ia5
            // and refused two more harmless logs of ia6; scoring it whole when its answers only agree ("Sure! Step
            // 1: [...]") refused five more and caught none: neither is done.
            texts.add(finalTurn.text());
            views.stream().filter(v -> PARTS_OF_A_TEXT.contains(v.name())).limit(MAX_READINGS).forEach(v -> texts.add(v.text()));
        } else {
            texts.add(text);
            views.stream().filter(v -> !TextView.PLAIN.equals(v.name()) && !LEXICON_ONLY.contains(v.name())).limit(MAX_READINGS).forEach(v -> texts.add(v.text()));
        }
        List<ClassifierLayer.Match> matches = classifier.match(texts, policy, !lexical.pii().isEmpty(), () -> Disguise.of(text, views));
        return lexical.plus(matches.stream().map(ClassifierLayer.Match::hit).toList(),
                matches.stream().map(ClassifierLayer.Match::category).toList());
    }

    /** Readings besides the plain text that the classifier scores (a text rarely hides more than two ways). */
    private static final int MAX_READINGS = 4;
    /**
     * Readings the lexicon needs and the classifier does not: the code-switched reading only swaps a few English
     * words the classifier's English encoder already reads for Chinese ones, at the price of one more embedding.
     */
    private static final java.util.Set<String> LEXICON_ONLY = java.util.Set.of("code-switched");
    private static final String FINAL_TURN = "final-turn";
    /** Readings of a part of the text or of a payload inside it, not of the whole text again. */
    private static final java.util.Set<String> PARTS_OF_A_TEXT = java.util.Set.of("base64", "hex", "unescaped", "reversed", "rot13",
            "addressed", "passage"); // not the joined readings: a chat log written as JSON joins into the whole log again
}
