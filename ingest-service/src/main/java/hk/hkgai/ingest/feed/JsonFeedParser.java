package hk.hkgai.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.text.Lang;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to NewsItems. Per item: {@code id} (required by the
 * spec), {@code url}, {@code title}, {@code content_html} or {@code content_text} (HTML preferred: it keeps the
 * paragraphs), else {@code summary}, {@code date_published} else {@code date_modified} (RFC 3339), and
 * {@code language} (1.1; item, else feed level). An item that is not a JSON object is rejected on its own.
 */
final class JsonFeedParser {
    private JsonFeedParser() {
    }

    static ParsedFeed parse(FeedDefinition feed, URI feedUri, byte[] body, Optional<String> contentType, Instant receivedAt) {
        JsonNode root = JsonDocuments.read(body, contentType, "a JSON Feed");
        String version = root.isObject() ? JsonDocuments.text(root, "version") : null;
        if (version == null || !version.contains("jsonfeed.org/version/1")) {
            throw new FeedFetchException("parse", "not a JSON Feed: no \"version\": \"https://jsonfeed.org/version/1.1\"");
        }
        JsonNode entries = root.get("items");
        if (entries == null || !entries.isArray()) {
            throw new FeedFetchException("parse", "not a JSON Feed: \"items\" is not an array");
        }
        Optional<Lang> feedLanguage = Lang.fromCode(JsonDocuments.text(root, "language"));
        List<NewsItem> items = new ArrayList<>();
        List<ParsedFeed.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                rejected.add(FeedItems.rejected(feed, "malformed_entry", "JSON Feed items[" + i + "] is "
                        + entry.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object", JsonDocuments.bytes(entry)));
                continue;
            }
            toItem(feed, feedUri, entry, feedLanguage, receivedAt).ifPresent(items::add);
        }
        return new ParsedFeed(items, rejected);
    }

    private static Optional<NewsItem> toItem(FeedDefinition feed, URI feedUri, JsonNode entry, Optional<Lang> feedLanguage,
                                             Instant receivedAt) {
        String title = orEmpty(JsonDocuments.text(entry, "title"));
        String html = JsonDocuments.text(entry, "content_html");
        String plain = JsonDocuments.text(entry, "content_text");
        String summary = JsonDocuments.text(entry, "summary");
        String text;
        String type;
        if (html != null) {
            text = html;
            type = "text/html";
        } else if (plain != null) {
            text = plain;
            type = "text/plain";
        } else if (summary != null) {
            text = summary;
            type = "text/plain";
        } else {
            text = title;
            type = "text/plain";
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String link = FeedItems.link(feedUri, JsonDocuments.text(entry, "url"));
        String published = JsonDocuments.text(entry, "date_published");
        Instant at = FeedDates.parse(published != null ? published : JsonDocuments.text(entry, "date_modified"), feed.timezone())
                .orElse(receivedAt);
        Optional<Lang> language = Lang.fromCode(JsonDocuments.text(entry, "language")).or(() -> feedLanguage);
        return Optional.of(FeedItems.item(feed, receivedAt, language)
                .setDocId(FeedItems.docId(feed, link, JsonDocuments.text(entry, "id"), title, text))
                .setTitle(title)
                .setText(text)
                .setContentType(type)
                .setUrl(link == null ? "" : link)
                .setPublishedAt(Protos.timestamp(at))
                .build());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
