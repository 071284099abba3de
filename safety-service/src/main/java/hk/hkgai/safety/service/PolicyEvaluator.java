package hk.hkgai.safety.service;

import hk.hkgai.safety.normalize.ObfuscationNormalizer;
import hk.hkgai.safety.normalize.TextView;

import hk.hkgai.safety.pii.PiiDetector;
import hk.hkgai.safety.pii.PiiMatch;
import hk.hkgai.safety.policy.CompiledPolicy;
import hk.hkgai.safety.policy.PolicyCategory;
import hk.hkgai.safety.policy.ReportedSpeech;
import hk.hkgai.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs every detection layer of the policy over one text. Stateless and thread-safe. */
@ApplicationScoped
public class PolicyEvaluator {
    private static final int EVIDENCE_CHARS = 40;

    private final PolicyProvider policies;

    public PolicyEvaluator(PolicyProvider policies) {
        this.policies = policies;
    }

    public CompiledPolicy policy() {
        return policies.current();
    }

    public Evaluation evaluate(String text) {
        return evaluate(text, policies.current());
    }

    /** Evaluates against a given policy: a tenant's view of the current one ({@link CompiledPolicy#forTenant}). */
    public Evaluation evaluate(String text, CompiledPolicy policy) {
        String normalized = TextNormalizer.normalize(text);
        List<TextView> views = ObfuscationNormalizer.views(text);
        List<Hit> hits = new ArrayList<>();
        Set<PolicyCategory> matched = new LinkedHashSet<>();
        Set<String> detectors = new HashSet<>();
        java.util.BitSet[] candidates = new java.util.BitSet[views.size()];
        for (int v = 0; v < views.size(); v++) {
            candidates[v] = policy.candidates(views.get(v).text());
        }
        for (CompiledPolicy.Rule rule : policy.rules()) {
            Hit hit = firstHit(rule, views, candidates, policy.reports());
            if (hit != null) {
                hits.add(hit);
                matched.add(rule.category());
            }
            detectors.addAll(rule.category().detectors());
        }
        List<PiiMatch> pii = detectors.isEmpty() ? List.of() : PiiDetector.find(text, detectors);
        for (PiiMatch m : pii) {
            PolicyCategory owner = owner(policy, m.detector());
            hits.add(new Hit(owner.id(), "pii", 1.0f, m.detector()));
            matched.add(owner);
        }
        return new Evaluation(normalized, views, List.copyOf(hits), List.copyOf(matched), pii);
    }

    /** The rule's first match over the readings, plain first; the layer names the de-obfuscation that exposed it. */
    private static Hit firstHit(CompiledPolicy.Rule rule, List<TextView> views, java.util.BitSet[] candidates, ReportedSpeech reports) {
        boolean reportsApply = reports.appliesTo(rule.category().id());
        for (int v = 0; v < views.size(); v++) {
            TextView view = views.get(v);
            int from = rule.firstPattern();
            int next = candidates[v].nextSetBit(from);
            if (next < 0 || next >= from + rule.patterns().size()) {
                continue; // no pattern of this rule can match this reading: its exceptions need not run either
            }
            if (!rule.exceptions().isEmpty() && (rule.excepted(view.text()) || joinsQuotes(view) && rule.excepted(views.get(0).text()))) {
                continue; // a joined reading has lost the quotation marks an exception may turn on ("what does 'X' mean")
            }
            for (int i = 0; i < rule.patterns().size(); i++) {
                if (!candidates[v].get(rule.firstPattern() + i)) {
                    continue; // none of the literals this pattern needs is in the text
                }
                Pattern p = rule.patterns().get(i);
                Matcher m = p.matcher(view.text());
                while (m.find()) {
                    if (reportsApply && reports.reported(view.text(), m.start(), m.end())) {
                        continue; // a sentence reporting the harm, asking for nothing; a later match may still ask
                    }
                    String layer = TextView.PLAIN.equals(view.name()) ? "lexicon" : "lexicon/" + view.name();
                    return new Hit(rule.category().id(), layer, 1.0f, evidence(m.group()));
                }
            }
        }
        return null;
    }

    private static boolean joinsQuotes(TextView view) {
        return view.name().startsWith("joined-");
    }

    private static PolicyCategory owner(CompiledPolicy policy, String detector) {
        return policy.rules().stream().map(CompiledPolicy.Rule::category)
                .filter(c -> c.detectors().contains(detector)).findFirst().orElseThrow();
    }

    private static String evidence(String match) {
        return match.length() <= EVIDENCE_CHARS ? match : match.substring(0, EVIDENCE_CHARS) + "…";
    }
}
