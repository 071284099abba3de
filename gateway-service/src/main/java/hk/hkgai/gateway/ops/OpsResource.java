package hk.hkgai.gateway.ops;

import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The operators' page: {@code GET /ops} (plain HTML, CSS and JS from the classpath, no build step, nothing from a
 * CDN) and the JSON it polls, {@code GET /ops/api/status}, which needs a key with the {@code admin} scope (same
 * Bearer authentication and error shape as /v1). The page itself holds no data, so it is served to anyone; it
 * asks for the key and keeps it in sessionStorage, never in a URL.
 */
@Path("/ops")
public class OpsResource {
    /** The page runs only its own script and style and talks only to this origin. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final byte[] PAGE = resource("ops/index.html");
    private static final byte[] SCRIPT = resource("ops/ops.js");
    private static final byte[] STYLE = resource("ops/ops.css");

    private final OpsStatusService status;

    public OpsResource(OpsStatusService status) {
        this.status = status;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page() {
        return asset(PAGE, "text/html; charset=utf-8");
    }

    @GET
    @Path("ops.js")
    @Operation(hidden = true)
    public Response script() {
        return asset(SCRIPT, "text/javascript; charset=utf-8");
    }

    @GET
    @Path("ops.css")
    @Operation(hidden = true)
    public Response style() {
        return asset(STYLE, "text/css; charset=utf-8");
    }

    /** Health of every part of the mesh, live request rate, guard verdicts, feed freshness and the models served. */
    @GET
    @Path("api/status")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.ADMIN)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Operation(summary = "Operational status of the mesh (admin scope)")
    public Uni<OpsStatus> apiStatus() {
        return status.status();
    }

    private static Response asset(byte[] body, String type) {
        return Response.ok(body).header("Content-Type", type).header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache").build();
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpsResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
