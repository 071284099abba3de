package hk.hkgai.gateway.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The public API's OpenAPI description (served at /q/openapi, Swagger UI at /q/swagger-ui). The endpoints
 * follow OpenAI's schema, so the official SDKs are the recommended clients; this document is for the rest.
 */
@OpenAPIDefinition(
        info = @Info(title = "HKGAI gateway", version = "v1",
                description = "OpenAI-compatible API of the Hong Kong sovereign LLM: grounded chat with citations "
                        + "(Cantonese, Traditional and Simplified Chinese, English), embeddings, moderations, news search "
                        + "and document ingest. Errors use OpenAI's shape {\"error\":{\"message\",\"type\",\"param\",\"code\"}}."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key issued by `./hk key create` (or the admin), sent as Authorization: Bearer <key>.")
public class GatewayApplication extends Application {
}
