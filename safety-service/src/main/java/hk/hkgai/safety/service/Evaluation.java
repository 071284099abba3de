package hk.hkgai.safety.service;

import hk.hkgai.safety.normalize.TextView;
import hk.hkgai.safety.pii.PiiMatch;
import hk.hkgai.safety.policy.PolicyAction;
import hk.hkgai.safety.policy.PolicyCategory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the policy says about one text: the categories that fired and the personal data found
 * ({@code pii} offsets are into the original text, not the normalized one), and the readings of the text the
 * lexicon read (plain first, then each de-obfuscated one), kept so later layers need not derive them again.
 */
public record Evaluation(String normalized, List<TextView> views, List<Hit> hits, List<PolicyCategory> categories,
                         List<PiiMatch> pii) {

    public PolicyAction action() {
        return categories.stream().map(PolicyCategory::action).reduce(PolicyAction.ALLOW, PolicyAction::strictest);
    }

    /** Guidance of every matched `guide` category, joined (empty when none). */
    public String guidance() {
        return categories.stream().filter(c -> c.action() == PolicyAction.GUIDE).map(PolicyCategory::guidance)
                .filter(g -> !g.isBlank()).distinct().collect(Collectors.joining("\n"));
    }

    /** This evaluation with more hits and the categories they carry (from layers beyond the lexicon). */
    public Evaluation plus(List<Hit> moreHits, List<PolicyCategory> moreCategories) {
        if (moreHits.isEmpty()) {
            return this;
        }
        List<Hit> h = new java.util.ArrayList<>(hits);
        h.addAll(moreHits);
        java.util.LinkedHashSet<PolicyCategory> c = new java.util.LinkedHashSet<>(categories);
        c.addAll(moreCategories);
        return new Evaluation(normalized, views, List.copyOf(h), List.copyOf(c), pii);
    }

    public List<String> categoryIds() {
        return categories.stream().map(PolicyCategory::id).distinct().toList();
    }
}
