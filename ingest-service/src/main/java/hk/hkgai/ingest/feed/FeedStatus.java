package hk.hkgai.ingest.feed;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One feed's state, as GET /v1/feeds shows it to operators (the same facts as the feed metrics).
 *
 * @param healthy    the last poll succeeded
 * @param circuit    closed | half_open | open
 * @param lagSeconds seconds since the last successful poll (since polling started when there was none)
 */
public record FeedStatus(
        String id,
        String url,
        String source,
        String format,
        boolean healthy,
        String circuit,
        @JsonProperty("last_success") Instant lastSuccess,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("consecutive_failures") int consecutiveFailures,
        @JsonProperty("next_poll") Instant nextPoll,
        @JsonProperty("lag_seconds") long lagSeconds,
        @JsonProperty("newest_item_at") Instant newestItemAt,
        @JsonProperty("entries_seen") int entriesSeen) {
}
