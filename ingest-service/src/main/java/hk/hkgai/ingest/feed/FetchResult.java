package hk.hkgai.ingest.feed;

import java.util.Optional;

/** What a conditional GET of a feed returned. */
public sealed interface FetchResult {
    /** 304: nothing changed since the validators were taken. */
    record NotModified() implements FetchResult {
    }

    /** 200, with the validators to send next time. */
    record Fetched(byte[] body, Optional<String> contentType, Validators validators) implements FetchResult {
    }

    /** ETag and Last-Modified of the last 200, sent back as If-None-Match / If-Modified-Since. */
    record Validators(Optional<String> etag, Optional<String> lastModified) {
        public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());
    }
}
