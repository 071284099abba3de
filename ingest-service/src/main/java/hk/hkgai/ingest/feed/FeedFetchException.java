package hk.hkgai.ingest.feed;

/**
 * A poll that failed. {@code reason} is a short, bounded set of values used as a metrics tag:
 * timeout, connect, http_4xx, http_5xx, http_other, too_large, parse, io, publish.
 */
public class FeedFetchException extends RuntimeException {
    private final String reason;

    public FeedFetchException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public FeedFetchException(String reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
