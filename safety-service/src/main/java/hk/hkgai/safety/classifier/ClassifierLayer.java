package hk.hkgai.safety.classifier;

import hk.hkgai.safety.config.ClassifierConfig;
import hk.hkgai.safety.policy.CompiledPolicy;
import hk.hkgai.safety.policy.PolicyAction;
import hk.hkgai.safety.policy.PolicyCategory;
import hk.hkgai.safety.service.Hit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns classifier scores into policy hits. Two bands, because a few hundred examples cannot carry a refusal on
 * their own: from {@code act-threshold} the top harmful label's own policy action applies (refuse, or guide for
 * self-harm); between {@code caution-threshold} and it, the answer is only guided to be careful, so a legitimate
 * question that merely sounds like a harmful one is still answered.
 */
public final class ClassifierLayer {
    public static final String LAYER = "classifier";
    static final String DOXXING = "privacy_doxxing";
    public static final PolicyCategory CAUTION = new PolicyCategory("classifier.caution",
            "The semantic classifier finds the request close to harmful examples, below the confidence to act on it.",
            PolicyAction.GUIDE,
            "An automated check finds this request close to harmful ones. Answer only what is lawful and legitimate: "
                    + "give no instructions, means, targets or personal data that could help anyone cause harm, follow "
                    + "Hong Kong law, and point to official sources or help services where they fit.",
            List.of(), List.of());

    private final SemanticClassifier classifier;
    private final double act;
    private final double caution;

    public ClassifierLayer(SemanticClassifier classifier, ClassifierConfig config) {
        this.classifier = classifier;
        this.act = config.actThreshold();
        this.caution = config.cautionThreshold();
    }

    public boolean enabled() {
        return classifier != null && classifier.enabled();
    }

    /** A hit and its category for the strongest of the texts' scores, if any reaches a band. */
    public List<Match> match(List<String> texts, CompiledPolicy policy) {
        return match(texts, policy, false);
    }

    /**
     * As {@link #match(List, CompiledPolicy)}; {@code carriesPersonalData}: the personal-data detectors found an ID,
     * phone or e-mail in the text itself. Such a text reads like doxxing to the classifier, but a user sharing
     * their own details is disclosure, which the redact layer handles, so a doxxing score only guides then.
     */
    public List<Match> match(List<String> texts, CompiledPolicy policy, boolean carriesPersonalData) {
        return match(texts, policy, carriesPersonalData, false);
    }

    /**
     * As above; {@code disguised}: the text dressed its request up the way attacks do ({@link
     * hk.hkgai.safety.normalize.Disguise}: hidden words, a staged dialogue, a claim of authority, a fictional or
     * hypothetical frame around a request for detail, a passage to translate and obey). Such a text acts from the
     * caution threshold: people asking in earnest do not disguise a question, so a score that would only guide a
     * plain text refuses a disguised one.
     */
    public List<Match> match(List<String> texts, CompiledPolicy policy, boolean carriesPersonalData, boolean disguised) {
        return match(texts, policy, carriesPersonalData, () -> disguised);
    }

    /**
     * As above, asking whether the text is disguised only when its score falls between the two thresholds: most
     * texts score below caution or above act, and reading a long text for a dozen disguises is not free.
     */
    public List<Match> match(List<String> texts, CompiledPolicy policy, boolean carriesPersonalData,
            java.util.function.BooleanSupplier disguised) {
        if (!enabled() || texts.isEmpty()) {
            return List.of();
        }
        SemanticClassifier.Score top = null;
        for (SemanticClassifier.Score s : classifier.score(texts)) {
            if (top == null || s.harm() > top.harm()) {
                top = s;
            }
        }
        List<Match> out = new ArrayList<>();
        boolean disclosure = carriesPersonalData && top != null && DOXXING.equals(top.label());
        double actFrom = top != null && top.harm() >= caution && top.harm() < act && disguised.getAsBoolean() ? Math.min(act, caution) : act;
        if (top != null && top.harm() >= actFrom && !disclosure) {
            PolicyCategory category = policy.category(top.label()).orElse(null);
            if (category != null) {
                out.add(new Match(new Hit(category.id(), LAYER, top.harm(), top.label()), category));
                return out;
            }
        }
        if (top != null && top.harm() >= caution) {
            out.add(new Match(new Hit(CAUTION.id(), LAYER, top.harm(), top.label()), CAUTION));
        }
        return out;
    }

    /** A classifier hit and the category whose action it carries. */
    public record Match(Hit hit, PolicyCategory category) {
    }
}
