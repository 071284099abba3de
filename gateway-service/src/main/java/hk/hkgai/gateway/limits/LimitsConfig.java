package hk.hkgai.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Per-tenant rate limits. Every tenant gets the defaults; {@code hkgai.gateway.limits.tenants.<tenant>.*}
 * overrides them for one tenant (set in a mounted properties file, see README).
 */
@ConfigMapping(prefix = "hkgai.gateway.limits")
public interface LimitsConfig {
    @WithDefault("true")
    boolean enabled();

    /** Requests per minute per tenant, all endpoints together (a burst of this many is allowed). */
    @WithDefault("600")
    long requestsPerMinute();

    /** Model tokens (prompt + completion, and embedding input) per minute per tenant. */
    @WithDefault("400000")
    long tokensPerMinute();

    /**
     * redis://host:6379 (or rediss://, with user and password in the URL from a Secret): the buckets are then shared
     * by every gateway replica. Unset: each replica keeps its own.
     */
    Optional<String> redisUrl();

    Map<String, Tenant> tenants();

    interface Tenant {
        OptionalLong requestsPerMinute();

        OptionalLong tokensPerMinute();
    }
}
