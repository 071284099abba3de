package hk.hkgai.safety.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The input guard's warm-up at startup ({@code GuardWarmUp}). */
@ConfigMapping(prefix = "hkgai.safety.warm-up")
public interface WarmUpConfig {
    /** How many of the classifier's bundled examples are decided before the service reports ready; 0 skips it. */
    @WithDefault("2000")
    int texts();
}
