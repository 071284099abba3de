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

    /** A category with its compiled patterns. */
    public record Rule(PolicyCategory category, List<Pattern> patterns) {
    }

    private CompiledPolicy(String version, List<Rule> rules, PolicyDocument.Templates templates) {
        this.version = version;
        this.rules = rules;
        this.templates = templates;
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
        for (PolicyCategory c : doc.categories()) {
            if (c.id() == null || c.action() == null) {
                throw new IllegalArgumentException("policy category without id or action: " + c);
            }
            List<Pattern> compiled = new ArrayList<>();
            for (String p : c.patterns()) {
                try {
                    compiled.add(Pattern.compile(fold(p)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("category " + c.id() + ": bad pattern " + p + ": " + e.getMessage(), e);
                }
            }
            rules.add(new Rule(c, List.copyOf(compiled)));
        }
        return new CompiledPolicy(doc.version(), List.copyOf(rules), doc.templates());
    }

    /** The form both patterns and checked text are brought to: lower case, Simplified characters. */
    public static String fold(String normalized) {
        return ChineseScript.toSimplified(normalized.toLowerCase(Locale.ROOT));
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    public String refusal(Lang lang) {
        return templates.refuse().entrySet().stream()
                .filter(e -> Lang.fromCode(e.getKey()).orElse(null) == lang)
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }
}
