package hk.hkgai.safety.policy;

import java.util.List;
import java.util.Map;

/** The policy YAML file, as written. {@link CompiledPolicy} is what the guard runs. */
public record PolicyDocument(String version, List<PolicyCategory> categories, Templates templates) {

    /** Localized texts keyed by language code (yue, zh-Hant, zh-Hans, en). */
    public record Templates(Map<String, String> refuse) {
    }
}
