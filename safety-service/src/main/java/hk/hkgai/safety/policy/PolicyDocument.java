package hk.hkgai.safety.policy;

import java.util.List;
import java.util.Map;

/** The policy YAML file, as written. {@link CompiledPolicy} is what the guard runs. */
public record PolicyDocument(String version, List<PolicyCategory> categories, Templates templates,
                             Map<String, TenantOverride> tenants, Reports reports) {
    public PolicyDocument {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    public PolicyDocument(String version, List<PolicyCategory> categories, Templates templates) {
        this(version, categories, templates, Map.of(), null);
    }

    /**
     * Sentences that report rather than ask ({@link ReportedSpeech}): {@code reporters} name who states facts,
     * {@code requests} mark a sentence that asks for something, {@code categories} are those whose matches such a
     * sentence sets aside.
     */
    public record Reports(List<String> reporters, List<String> requests, List<String> categories) {
        public Reports {
            reporters = reporters == null ? List.of() : List.copyOf(reporters);
            requests = requests == null ? List.of() : List.copyOf(requests);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * One tenant's changes to the shared policy: a category's action, made stricter (a school app refusing what
     * the public service only guides) or looser (a legal-research tenant allowed to see personal data unmasked).
     * Categories marked {@code locked} cannot be loosened: the law applies to every tenant.
     */
    public record TenantOverride(Map<String, PolicyAction> actions) {
        public TenantOverride {
            actions = actions == null ? Map.of() : Map.copyOf(actions);
        }
    }

    /** Localized texts keyed by language code (yue, zh-Hant, zh-Hans, en). */
    public record Templates(Map<String, String> refuse) {
    }
}
