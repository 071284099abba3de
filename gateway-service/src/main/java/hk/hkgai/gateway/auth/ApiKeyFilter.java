package hk.hkgai.gateway.auth;

import hk.hkgai.gateway.config.GatewayConfig;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.limits.TenantRateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates `Authorization: Bearer <key>` on every endpoint marked {@link RequiresScope}, checks the
 * scope, rejects bodies over the size limit before they are read, and applies the tenant's rate limits.
 */
public class ApiKeyFilter {
    private final ApiKeyStore keys;
    private final CurrentCaller current;
    private final GatewayConfig config;
    private final TenantRateLimiter limiter;

    public ApiKeyFilter(ApiKeyStore keys, CurrentCaller current, GatewayConfig config, TenantRateLimiter limiter) {
        this.keys = keys;
        this.current = current;
        this.config = config;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Uni<Void> authenticate(ContainerRequestContext ctx, ResourceInfo resource) {
        RequiresScope required = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (required == null) {
            return Uni.createFrom().voidItem();
        }
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized("The Authorization header must be 'Bearer YOUR_KEY'.");
        }
        ApiCaller caller = keys.authenticate(header.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("Incorrect API key provided."));
        if (!caller.scopes().contains(required.value())) {
            throw ApiException.forbidden("This API key lacks the '" + required.value().id() + "' scope.");
        }
        current.set(caller);
        // Who is calling, for every log line of this request (Quarkus keeps the MDC per request context).
        MDC.put("tenant", caller.tenant());
        MDC.put("keyId", caller.keyId());
        if (ctx.getLength() > config.maxBodyBytes()) {
            throw ApiException.tooLarge("Request body is " + ctx.getLength() + " bytes; the limit is " + config.maxBodyBytes() + ".");
        }
        return limiter.admit(caller.tenant());
    }
}
