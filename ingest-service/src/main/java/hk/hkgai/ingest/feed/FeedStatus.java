package hk.hkgai.ingest.feed;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One feed's state, as GET /v1/feeds shows it to operators. */
public record FeedStatus(
        String id,
        String url,
        String source,
        @JsonProperty("last_success") Instant lastSuccess,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("consecutive_failures") int consecutiveFailures,
        @JsonProperty("next_poll") Instant nextPoll,
        @JsonProperty("entries_seen") int entriesSeen) {
}
