package hk.hkgai.ingest.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** Test-only endpoints (part of the @QuarkusTest app) behaving like broken feed servers or serving broken feeds. */
@Path("/test-feeds")
public class BrokenFeedsResource {
    @GET
    @Path("/status/{code}")
    public Response status(@PathParam("code") int code) {
        return Response.status(code).entity("upstream trouble").type("text/plain").build();
    }

    /** One good item and one of each malformed kind (see MalformedItemsFeed). */
    @GET
    @Path("/malformed-items")
    @Produces("application/rss+xml")
    public byte[] malformedItems() {
        return MalformedItemsFeed.BYTES;
    }

    @GET
    @Path("/garbage")
    @Produces("application/rss+xml")
    public String garbage() {
        return "<<this is \u0000 not a feed>>";
    }
}
