package hk.hkgai.ingest.service;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.text.EncodingCheck;
import hk.hkgai.ingest.text.TitleCheck;
import java.time.Duration;
import java.time.Instant;

/**
 * The checks an item must pass before it is cleaned and chunked. Each failure is an
 * {@link UnprocessableItemException} with a stable reason code (also the dead-letter header and metric tag):
 * <ul>
 *   <li>{@code bad_encoding}: the text was decoded with the wrong charset (see EncodingCheck);</li>
 *   <li>{@code too_large}: title plus text over {@code hkgai.ingest.items.max-chars};</li>
 *   <li>{@code future_date}: published more than {@code hkgai.ingest.items.max-future} after it was received
 *       (a wrong zone or a placeholder date; it would sort above every real story forever);</li>
 *   <li>{@code html_in_title}: markup that could act in a client (see TitleCheck).</li>
 * </ul>
 * Messages name the problem, never the item's content.
 */
public final class ItemValidator {
    private final int maxChars;
    private final Duration maxFuture;

    public ItemValidator(int maxChars, Duration maxFuture) {
        this.maxChars = maxChars;
        this.maxFuture = maxFuture;
    }

    /**
     * @param now used when the item has no received_at; received_at is preferred so that replaying an old
     *            record gives the same verdict it got the first time
     */
    public void check(NewsItem item, Instant now) throws UnprocessableItemException {
        String encoding = EncodingCheck.problem(item.getTitle(), item.getText());
        if (encoding != null) {
            throw new UnprocessableItemException("bad_encoding", encoding);
        }
        if (tooLarge(item)) {
            throw new UnprocessableItemException("too_large", "title and text are " + chars(item)
                    + " characters, more than the limit of " + maxChars);
        }
        if (item.hasPublishedAt()) {
            Instant received = item.hasReceivedAt() ? Protos.instant(item.getReceivedAt()) : now;
            Instant published = Protos.instant(item.getPublishedAt());
            if (published.isAfter(received.plus(maxFuture))) {
                throw new UnprocessableItemException("future_date", "published_at " + published + " is more than "
                        + maxFuture + " after the item was received (" + received + ")");
            }
        }
        String title = TitleCheck.problem(item.getTitle());
        if (title != null) {
            throw new UnprocessableItemException("html_in_title", title);
        }
    }

    public boolean tooLarge(NewsItem item) {
        return chars(item) > maxChars;
    }

    public int maxChars() {
        return maxChars;
    }

    private static long chars(NewsItem item) {
        return (long) item.getTitle().length() + item.getText().length();
    }
}
