package hk.hkgai.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.ingest.text.HtmlCleaner;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) documents to NewsItems, via ROME.
 *
 * <p>The document is parsed to a DOM first (with ROME's encoding detection and its healer for HTML entities
 * such as {@code &nbsp;}), and ROME builds the feed from that DOM. The detour keeps the entries' date strings
 * as written: ROME reads a date without a zone in the JVM's zone (UTC in a container), which is eight hours off
 * for a Hong Kong feed, so those dates are read again in the feed's configured zone ({@link FeedDates}).
 */
final class RssAtomParser {
    private static final Set<String> ENTRY_PARENTS = Set.of("channel", "RDF", "feed");
    /** Date elements by preference; the first present one is what ROME calls the entry's published date. */
    private static final List<String> RSS_DATES = List.of("pubDate", "date", "issued");
    private static final List<String> ATOM_DATES = List.of("published", "issued", "updated", "modified", "created");

    private RssAtomParser() {
    }

    static ParsedFeed parse(FeedDefinition feed, URI feedUri, byte[] body, Optional<String> contentType, Instant receivedAt) {
        Document dom = dom(body, contentType);
        SyndFeed syndFeed;
        try {
            syndFeed = new SyndFeedInput().build(dom);
        } catch (Exception e) {
            // ROME reports "not a feed" as IllegalArgumentException, a broken feed as FeedException.
            throw new FeedFetchException("parse", "not an RSS/Atom document: " + FeedItems.oneLine(e.getMessage()), e);
        }
        List<SyndEntry> entries = syndFeed.getEntries();
        List<String> rawDates = rawDates(dom);
        boolean aligned = rawDates.size() == entries.size(); // same document order; otherwise trust ROME alone
        List<NewsItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            toItem(feed, feedUri, entries.get(i), aligned ? rawDates.get(i) : null, receivedAt).ifPresent(items::add);
        }
        return new ParsedFeed(items, List.of());
    }

    static Optional<NewsItem> toItem(FeedDefinition feed, URI feedUri, SyndEntry entry, String rawDate, Instant receivedAt) {
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
        String link = FeedItems.link(feedUri, entry.getLink());
        Date romeDate = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = FeedDates.parse(rawDate, feed.timezone())
                .orElse(romeDate != null ? romeDate.toInstant() : receivedAt);
        return Optional.of(FeedItems.item(feed, receivedAt, Optional.empty())
                .setDocId(FeedItems.docId(feed, link, entry.getUri(), title, text))
                .setTitle(title)
                .setText(text)
                .setContentType(html ? "text/html" : "text/plain")
                .setUrl(link == null ? "" : link)
                .setPublishedAt(Protos.timestamp(published))
                .build());
    }

    /** Secure DOM parse: no DTDs at all (no XXE, no entity expansion bombs), no XInclude. */
    private static Document dom(byte[] body, Optional<String> contentType) {
        try (Reader reader = new XmlFixerReader(new XmlReader(new ByteArrayInputStream(body), contentType.orElse(null), true))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(THROWING); // the default handler prints "[Fatal Error]" to stderr
            return builder.parse(new InputSource(reader));
        } catch (Exception e) {
            throw new FeedFetchException("parse", "not well-formed XML: " + FeedItems.oneLine(e.getMessage()), e);
        }
    }

    /** The first date string of each entry (item/entry children of channel, rdf:RDF or feed), in document order. */
    private static List<String> rawDates(Document dom) {
        List<String> dates = new ArrayList<>();
        collect(dom.getDocumentElement(), dates);
        return dates;
    }

    private static void collect(Element element, List<String> dates) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child)) {
                continue;
            }
            String name = child.getLocalName();
            if (("item".equals(name) || "entry".equals(name)) && ENTRY_PARENTS.contains(element.getLocalName())) {
                dates.add(firstDate(child, "entry".equals(name) ? ATOM_DATES : RSS_DATES));
            } else if ("channel".equals(name)) {
                collect(child, dates);
            }
        }
    }

    private static String firstDate(Element entry, List<String> names) {
        for (String wanted : names) {
            for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && wanted.equals(e.getLocalName())) {
                    return e.getTextContent();
                }
            }
        }
        return null;
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

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // not fatal
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };
}
