package hk.hkgai.safety.policy;

import hk.hkgai.text.ChineseScript;
import hk.hkgai.text.Lang;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A policy ready to run: patterns folded into the same form as the text they are matched against and
 * compiled once. Invalid policies fail here, at load, with the category named, never at request time.
 */
public final class CompiledPolicy {
    private final String version;
    private final List<Rule> rules;
    private final PolicyDocument.Templates templates;
    private final java.util.Map<String, CompiledPolicy> tenants;
    private final PatternPrefilter prefilter;
    private final ReportedSpeech reports;

    /**
     * A category with its compiled patterns; {@code firstPattern} is the policy-wide index of its first pattern,
     * the numbering {@link #candidates} uses.
     */
    public record Rule(PolicyCategory category, List<Pattern> patterns, int firstPattern, List<Pattern> exceptions) {
        /** Whether this reading is in a harmless context the category names. */
        public boolean excepted(String folded) {
            for (Pattern e : exceptions) {
                if (e.matcher(folded).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    private CompiledPolicy(String version, List<Rule> rules, PolicyDocument.Templates templates,
                           java.util.Map<String, CompiledPolicy> tenants, PatternPrefilter prefilter, ReportedSpeech reports) {
        this.reports = reports;
        this.version = version;
        this.rules = rules;
        this.templates = templates;
        this.tenants = tenants;
        this.prefilter = prefilter;
    }

    /** Policy-wide indexes of the patterns that can match this (folded) text; the others need not run. */
    public java.util.BitSet candidates(String folded) {
        return prefilter.candidates(folded);
    }

    /** Patterns in the policy, and how many of them have no literal the prefilter can look for. */
    public String prefilterSummary() {
        return prefilter.size() + " patterns, " + prefilter.alwaysRunCount() + " without a required literal";
    }

    /** The policy as it applies to one tenant: the shared one, with that tenant's overrides if it has any. */
    public CompiledPolicy forTenant(String tenant) {
        return tenant == null ? this : tenants.getOrDefault(tenant, this);
    }

    /** Tenants with overrides; the shared policy applies to every other tenant. */
    public java.util.Set<String> tenantsWithOverrides() {
        return tenants.keySet();
    }

    /** Which matches a reporting sentence sets aside ({@link ReportedSpeech}). */
    public ReportedSpeech reports() {
        return reports;
    }

    private static java.util.Map<String, CompiledPolicy> tenantPolicies(PolicyDocument doc, List<Rule> rules, PatternPrefilter prefilter,
                                                                        ReportedSpeech reports) {
        java.util.Map<String, CompiledPolicy> out = new java.util.HashMap<>();
        doc.tenants().forEach((tenant, override) -> {
            java.util.Map<String, PolicyAction> actions = override.actions();
            for (var e : actions.entrySet()) {
                Rule rule = rules.stream().filter(r -> r.category().id().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("tenant " + tenant + " overrides unknown category " + e.getKey()));
                PolicyCategory c = rule.category();
                if (c.locked() && e.getValue().strictest(c.action()) != e.getValue()) {
                    throw new IllegalArgumentException("tenant " + tenant + " may not loosen locked category " + c.id()
                            + " from " + c.action() + " to " + e.getValue());
                }
            }
            List<Rule> tenantRules = rules.stream().map(r -> actions.containsKey(r.category().id())
                    ? new Rule(r.category().withAction(actions.get(r.category().id())), r.patterns(), r.firstPattern(), r.exceptions()) : r).toList();
            out.put(tenant, new CompiledPolicy(doc.version() + "+" + tenant, tenantRules, doc.templates(), java.util.Map.of(), prefilter, reports));
        });
        return java.util.Map.copyOf(out);
    }

    public static CompiledPolicy compile(PolicyDocument doc) {
        if (doc.version() == null || doc.version().isBlank()) {
            throw new IllegalArgumentException("policy has no version");
        }
        if (doc.categories() == null || doc.categories().isEmpty()) {
            throw new IllegalArgumentException("policy has no categories");
        }
        if (doc.templates() == null || doc.templates().refuse() == null) {
            throw new IllegalArgumentException("policy has no refuse templates");
        }
        EnumSet<Lang> missing = EnumSet.allOf(Lang.class);
        doc.templates().refuse().keySet().forEach(k -> Lang.fromCode(k).ifPresent(missing::remove));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("policy lacks refuse templates for " + missing);
        }
        List<Rule> rules = new ArrayList<>();
        List<String> allPatterns = new ArrayList<>();
        for (PolicyCategory c : doc.categories()) {
            if (c.id() == null || c.action() == null) {
                throw new IllegalArgumentException("policy category without id or action: " + c);
            }
            List<Pattern> compiled = new ArrayList<>();
            for (String p : c.patterns()) {
                try {
                    compiled.add(Pattern.compile(fold(p)));
                    allPatterns.add(fold(p));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("category " + c.id() + ": bad pattern " + p + ": " + e.getMessage(), e);
                }
            }
            List<Pattern> exceptions = new ArrayList<>();
            for (String e : c.exceptions()) {
                try {
                    exceptions.add(Pattern.compile(fold(e)));
                } catch (RuntimeException ex) {
                    throw new IllegalArgumentException("category " + c.id() + ": bad exception " + e + ": " + ex.getMessage(), ex);
                }
            }
            rules.add(new Rule(c, List.copyOf(compiled), allPatterns.size() - compiled.size(), List.copyOf(exceptions)));
        }
        List<Rule> shared = List.copyOf(rules);
        PatternPrefilter prefilter = new PatternPrefilter(allPatterns);
        ReportedSpeech reports = reports(doc.reports(), shared);
        return new CompiledPolicy(doc.version(), shared, doc.templates(), tenantPolicies(doc, shared, prefilter, reports), prefilter, reports);
    }

    private static ReportedSpeech reports(PolicyDocument.Reports r, List<Rule> rules) {
        if (r == null || r.categories().isEmpty()) {
            return ReportedSpeech.NONE;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        rules.forEach(rule -> ids.add(rule.category().id()));
        for (String c : r.categories()) {
            if (!ids.contains(c)) {
                throw new IllegalArgumentException("reports: unknown category " + c);
            }
        }
        if (r.reporters().isEmpty() || r.requests().isEmpty()) {
            throw new IllegalArgumentException("reports: needs both reporters and requests");
        }
        return new ReportedSpeech(compileAll("reports.reporters", r.reporters()), compileAll("reports.requests", r.requests()),
                java.util.Set.copyOf(r.categories()));
    }

    private static List<Pattern> compileAll(String where, List<String> patterns) {
        List<Pattern> out = new ArrayList<>();
        for (String p : patterns) {
            try {
                out.add(Pattern.compile(fold(p)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": bad pattern " + p + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** The form both patterns and checked text are brought to: lower case, Simplified characters. */
    public static String fold(String normalized) {
        return ChineseScript.foldToSimplified(normalized.toLowerCase(Locale.ROOT));
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The category with this id, if the policy has one. */
    public java.util.Optional<PolicyCategory> category(String id) {
        return rules.stream().map(Rule::category).filter(c -> c.id().equals(id)).findFirst();
    }

    public String refusal(Lang lang) {
        return templates.refuse().entrySet().stream()
                .filter(e -> Lang.fromCode(e.getKey()).orElse(null) == lang)
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }
}
