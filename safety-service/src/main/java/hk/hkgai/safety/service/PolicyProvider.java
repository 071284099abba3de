package hk.hkgai.safety.service;

import hk.hkgai.safety.config.SafetyConfig;
import hk.hkgai.safety.policy.CompiledPolicy;
import hk.hkgai.safety.policy.PolicyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Holds the policy in force. Loaded eagerly at start: a service with a broken policy must not start
 * (it would otherwise have to fail open or refuse everything).
 */
@ApplicationScoped
public class PolicyProvider {
    private static final Logger LOG = Logger.getLogger(PolicyProvider.class);

    private final CompiledPolicy policy;

    public PolicyProvider(SafetyConfig config) {
        this.policy = config.policyFile().filter(f -> !f.isBlank())
                .map(f -> PolicyLoader.load(Path.of(f)))
                .orElseGet(PolicyLoader::loadBundled);
        LOG.infof("safety policy %s loaded: %d categories", policy.version(), policy.rules().size());
    }

    public CompiledPolicy current() {
        return policy;
    }
}
