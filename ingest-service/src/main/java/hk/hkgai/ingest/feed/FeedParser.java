package hk.hkgai.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.ingest.text.HtmlCleaner;
import hk.hkgai.text.DocumentIds;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) documents to NewsItems, via ROME. ROME parses the RFC 822
 * (RSS) and RFC 3339 (Atom) dates with their zones, so published_at is an exact instant.
 */
public final class FeedParser {
    public static final String ORIGIN = "feed";

    private FeedParser() {
    }

    /**
     * @param body        the feed document as fetched
     * @param contentType the HTTP Content-Type (its charset is used unless the XML prolog says otherwise)
     * @param feedUri     the URL the document came from (relative entry links are resolved against it)
     */
    public static List<NewsItem> parse(FeedDefinition feed, URI feedUri, byte[] body, Optional<String> contentType,
                                       Instant receivedAt) {
        SyndFeed syndFeed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no DTDs: no XXE, no billion laughs
            syndFeed = input.build(new XmlReader(new ByteArrayInputStream(body), contentType.orElse(null), true));
        } catch (Exception e) {
            // ROME reports "not a feed" as IllegalArgumentException, bad XML as FeedException/ParsingFeedException.
            throw new FeedFetchException("parse", "not an RSS/Atom document: " + oneLine(e.getMessage()), e);
        }
        List<NewsItem> items = new ArrayList<>();
        for (SyndEntry entry : syndFeed.getEntries()) {
            toItem(feed, feedUri, entry, receivedAt).ifPresent(items::add);
        }
        return items;
    }

    static Optional<NewsItem> toItem(FeedDefinition feed, URI feedUri, SyndEntry entry, Instant receivedAt) {
        String title = entry.getTitle() == null ? "" : entry.getTitle().strip();
        SyndContent content = bestContent(entry);
        String text = content == null || content.getValue() == null ? "" : content.getValue().strip();
        String type = content == null ? null : content.getType();
        if (text.isEmpty()) {
            // Headline-only entries (common in warning feeds) are still news: the title is the text.
            text = title;
            type = "text/plain";
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        boolean html = HtmlCleaner.isHtmlType(type) || HtmlCleaner.looksLikeHtml(text);
        String link = resolve(feedUri, entry.getLink());
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = date != null ? date.toInstant() : receivedAt;

        NewsItem.Builder item = NewsItem.newBuilder()
                .setDocId(docId(feed, link, entry.getUri(), title, text))
                .setTitle(title)
                .setText(text)
                .setContentType(html ? "text/html" : "text/plain")
                .setUrl(link == null ? "" : link)
                .setSource(feed.source())
                .setLanguage(feed.language().map(l -> l.code()).orElse(""))
                .setPublishedAt(Protos.timestamp(published))
                .setReceivedAt(Protos.timestamp(receivedAt))
                .setFeedId(feed.id())
                .setOrigin(ORIGIN);
        return Optional.of(item.build());
    }

    /**
     * The entry's link identifies the story; without one, its guid/id (globally unique when it is a URI,
     * unique within the feed otherwise); without either, its content.
     */
    static String docId(FeedDefinition feed, String link, String guid, String title, String text) {
        if (link != null && !link.isBlank()) {
            return DocumentIds.fromUrl(link);
        }
        if (guid != null && !guid.isBlank()) {
            boolean absolute;
            try {
                absolute = new URI(guid.strip()).isAbsolute();
            } catch (Exception e) {
                absolute = false;
            }
            return DocumentIds.fromUrl(absolute ? guid.strip() : "guid:" + feed.id() + ":" + guid.strip());
        }
        return DocumentIds.fromContent(title, text);
    }

    /** The fullest text: Atom content / RSS content:encoded when present, else the description/summary. */
    private static SyndContent bestContent(SyndEntry entry) {
        SyndContent best = entry.getDescription();
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && (best == null || best.getValue() == null
                    || c.getValue().strip().length() > best.getValue().strip().length())) {
                best = c;
            }
        }
        return best;
    }

    private static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return base.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link.strip();
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
