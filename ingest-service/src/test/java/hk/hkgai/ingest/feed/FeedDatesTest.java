package hk.hkgai.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDatesTest {
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // with a zone or offset: exact, whatever the feed's zone
            "2026-11-24T09:30:00+08:00      | 2026-11-24T01:30:00Z",
            "2026-11-24T01:30:00Z           | 2026-11-24T01:30:00Z",
            "2026-11-24T09:30:00.250+08:00  | 2026-11-24T01:30:00.250Z",
            "Tue, 24 Nov 2026 09:30:00 +0800 | 2026-11-24T01:30:00Z",
            "Tue, 24 Nov 2026 01:30:00 GMT  | 2026-11-24T01:30:00Z",
            "24 Nov 2026 09:30 HKT          | 2026-11-24T01:30:00Z",
            "Mon, 23 Nov 2026 20:30:00 EST  | 2026-11-24T01:30:00Z",
            "Tue, 24 Nov 26 01:30:00 UT     | 2026-11-24T01:30:00Z",
            // without: Hong Kong time (the feed's zone)
            "2026-11-24T09:30:00            | 2026-11-24T01:30:00Z",
            "2026-11-24 09:30               | 2026-11-24T01:30:00Z",
            "2026/11/24 09:30:00            | 2026-11-24T01:30:00Z",
            "Tue, 24 Nov 2026 09:30:00      | 2026-11-24T01:30:00Z",
            "2026-11-24                     | 2026-11-23T16:00:00Z"})
    void parses(String raw, String expected) {
        assertThat(FeedDates.parse(raw, HK)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yesterday", "Tue, 24 Nov 2026 09:30:00 CST", "2026-13-45 25:99", "''"})
    void refusesWhatItCannotPlaceExactly(String raw) {
        // CST is China or US Central: guessing would misplace the story by 14 hours.
        assertThat(FeedDates.parse(raw, HK)).isEmpty();
    }
}
