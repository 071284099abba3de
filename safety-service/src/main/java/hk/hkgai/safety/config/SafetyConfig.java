package hk.hkgai.safety.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "hkgai.safety")
public interface SafetyConfig {
    /** A policy YAML on disk; absent: the policy bundled in the jar. */
    Optional<String> policyFile();
}
