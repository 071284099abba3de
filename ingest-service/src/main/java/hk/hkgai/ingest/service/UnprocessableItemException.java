package hk.hkgai.ingest.service;

/**
 * A raw item that can never be processed, however often it is retried (bad bytes, no text). It goes to
 * the dead-letter topic; transient failures (the broker) are not this exception and are retried instead.
 */
public class UnprocessableItemException extends Exception {
    private final String reasonCode;

    public UnprocessableItemException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public UnprocessableItemException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    /**
     * Short, stable, metric-friendly: {@code unparseable}, {@code invalid_doc_id}, {@code empty_text},
     * {@code bad_encoding}, {@code too_large}, {@code future_date}, {@code html_in_title} (see ItemValidator),
     * {@code processing_error} (a bug, logged with its stack trace).
     */
    public String reasonCode() {
        return reasonCode;
    }
}
