package hk.hkgai.safety.policy;

import java.util.List;

/**
 * One category of the policy as written in YAML.
 *
 * @param patterns regular expressions over normalized, Simplified-folded, lower-cased text
 * @param detectors names of personal-data detectors this category owns (see PiiDetector)
 * @param locked    no tenant may loosen this category's action (what the law forbids for everyone)
 * @param exceptions patterns of a harmless context ("kill a process"): a reading that matches one of them does
 *                   not fire this category's lexicon (other layers still see it)
 */
public record PolicyCategory(String id, String description, PolicyAction action, String guidance,
                             List<String> patterns, List<String> detectors, boolean locked, List<String> exceptions) {
    public PolicyCategory(String id, String description, PolicyAction action, String guidance,
                          List<String> patterns, List<String> detectors) {
        this(id, description, action, guidance, patterns, detectors, false, List.of());
    }

    /** The same category with another action (a tenant's override). */
    public PolicyCategory withAction(PolicyAction newAction) {
        return new PolicyCategory(id, description, newAction, guidance, patterns, detectors, locked, exceptions);
    }

    public PolicyCategory {
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        detectors = detectors == null ? List.of() : List.copyOf(detectors);
        guidance = guidance == null ? "" : guidance;
    }
}
