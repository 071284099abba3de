package hk.hkgai.safety.policy;

import java.util.List;

/**
 * One category of the policy as written in YAML.
 *
 * @param patterns regular expressions over normalized, Simplified-folded, lower-cased text
 * @param detectors names of personal-data detectors this category owns (see PiiDetector)
 */
public record PolicyCategory(String id, String description, PolicyAction action, String guidance,
                             List<String> patterns, List<String> detectors) {
    public PolicyCategory {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        detectors = detectors == null ? List.of() : List.copyOf(detectors);
        guidance = guidance == null ? "" : guidance;
    }
}
