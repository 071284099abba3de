package hk.hkgai.ingest.api;

import hk.hkgai.ingest.feed.FeedPoller;
import hk.hkgai.ingest.feed.FeedStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/feeds}: what the poller is doing, for operators (the same facts as the feed metrics). */
@Path("/v1/feeds")
public class FeedsResource {
    private final FeedPoller poller;

    public FeedsResource(FeedPoller poller) {
        this.poller = poller;
    }

    public record Feeds(List<FeedStatus> feeds) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Feeds list() {
        return new Feeds(poller.status());
    }
}
