package hk.hkgai.safety.service;

import hk.hkgai.safety.config.SafetyConfig;
import hk.hkgai.safety.policy.CompiledPolicy;
import hk.hkgai.safety.policy.PolicyLoader;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Holds the policy in force. Loaded eagerly at start: a service with a broken policy must not start (it would
 * otherwise have to fail open or refuse everything). An operator's policy file is re-read when it changes
 * (checked every {@value #RELOAD_SECONDS} s, which also catches a Kubernetes ConfigMap update): a valid new
 * version replaces the old one atomically for the next check; an invalid one is logged and the old one stays.
 */
@ApplicationScoped
public class PolicyProvider {
    static final int RELOAD_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(PolicyProvider.class);

    private volatile CompiledPolicy policy;
    private final ScheduledExecutorService watcher;

    public PolicyProvider(SafetyConfig config) {
        Path file = config.policyFile().filter(f -> !f.isBlank()).map(Path::of).orElse(null);
        this.policy = file == null ? PolicyLoader.loadBundled() : PolicyLoader.load(file);
        LOG.infof("safety policy %s loaded: %d categories (%s), %d tenants with overrides", policy.version(),
                policy.rules().size(), policy.prefilterSummary(), policy.tenantsWithOverrides().size());
        if (file == null) {
            this.watcher = null;
            return;
        }
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "policy-watcher");
            t.setDaemon(true);
            return t;
        });
        FileTime[] seen = {modified(file)};
        watcher.scheduleWithFixedDelay(() -> {
            FileTime now = modified(file);
            if (now == null || now.equals(seen[0])) {
                return;
            }
            seen[0] = now;
            reload(file);
        }, RELOAD_SECONDS, RELOAD_SECONDS, TimeUnit.SECONDS);
    }

    public CompiledPolicy current() {
        return policy;
    }

    void reload(Path file) {
        try {
            CompiledPolicy next = PolicyLoader.load(file);
            String previous = policy.version();
            policy = next;
            LOG.infof("safety policy reloaded from %s: %s -> %s", file, previous, next.version());
        } catch (RuntimeException e) {
            LOG.errorf("safety policy %s not reloaded, %s stays in force: %s", file, policy.version(), e.getMessage());
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
