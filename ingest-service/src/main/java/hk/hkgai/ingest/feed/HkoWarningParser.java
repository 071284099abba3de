package hk.hkgai.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.service.Protos;
import hk.hkgai.text.ChineseScript;
import hk.hkgai.text.DocumentIds;
import hk.hkgai.text.Lang;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Hong Kong Observatory open-data warnings (weather.php?dataType=warnsum|warningInfo&lang=en|tc|sc) to one news
 * item per warning. The shape tells the dataset apart:
 * <ul>
 *   <li>warnsum: an object keyed by warning statement code, e.g. {@code "WTCSGNL": {"name", "code": "TC8SE",
 *       "actionCode": "ISSUE", "type"?, "issueTime", "updateTime", "expireTime"?}}. The item's text is written
 *       here from those fields (which signal, what happened, when).</li>
 *   <li>warningInfo: {@code {"details": [{"contents": [lines], "warningStatementCode", "subtype"?, "updateTime"}]}}.
 *       The bulletin lines are the text.</li>
 * </ul>
 * No warning in force is an empty object: a valid, empty feed.
 *
 * <p>Ids: {@code hko:<feed>:<code>[:<subtype>]:<update time, epoch s>}. Each issue or update of a warning is its own
 * bulletin (the history stays searchable and SimHash clusters the updates); the same bulletin fetched again has the
 * same id. The feed id is part of it because the en and tc datasets describe one warning in two languages, which
 * are two documents (a translation is not a duplicate).
 */
final class HkoWarningParser {
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日HH時mm分", Locale.ROOT);
    /** What an actionCode did, in the words of a bulletin and of a headline. */
    private record Verb(String enPast, String enHeadline, String zh) {
    }

    private static final Map<String, Verb> ACTIONS = Map.of(
            "ISSUE", new Verb("issued", "issues", "發出"),
            "REISSUE", new Verb("reissued", "reissues", "再次發出"),
            "EXTEND", new Verb("extended", "extends", "延長"),
            "UPDATE", new Verb("updated", "updates", "更新"),
            "CANCEL", new Verb("cancelled", "cancels", "取消"));

    private HkoWarningParser() {
    }

    static ParsedFeed parse(FeedDefinition feed, byte[] body, Optional<String> contentType, Instant receivedAt) {
        JsonNode root = JsonDocuments.read(body, contentType, "HKO warnsum or warningInfo data");
        if (!root.isObject()) {
            throw new FeedFetchException("parse", "not HKO warning data: the document is not a JSON object");
        }
        Lang language = feed.language().orElseGet(() -> containsHan(root.toString()) ? Lang.ZH_HANT : Lang.EN);
        List<NewsItem> items = new ArrayList<>();
        List<ParsedFeed.Rejected> rejected = new ArrayList<>();
        if (root.has("details")) {
            JsonNode details = root.get("details");
            if (!details.isArray()) {
                throw new FeedFetchException("parse", "not HKO warningInfo data: \"details\" is not an array");
            }
            for (int i = 0; i < details.size(); i++) {
                info(feed, details.get(i), "details[" + i + "]", language, receivedAt, items, rejected);
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    summary(feed, e.getKey(), e.getValue(), language, receivedAt, items, rejected);
                } // other members (a top-level "updateTime") are not warnings
            }
        }
        return new ParsedFeed(items, rejected);
    }

    /** One warnsum entry. */
    private static void summary(FeedDefinition feed, String key, JsonNode w, Lang language, Instant receivedAt,
                                List<NewsItem> items, List<ParsedFeed.Rejected> rejected) {
        String code = JsonDocuments.text(w, "code");
        String name = JsonDocuments.text(w, "name");
        Optional<Instant> issued = FeedDates.parse(JsonDocuments.text(w, "issueTime"), feed.timezone());
        Optional<Instant> updated = FeedDates.parse(JsonDocuments.text(w, "updateTime"), feed.timezone()).or(() -> issued);
        if (code == null && name == null || updated.isEmpty()) {
            rejected.add(FeedItems.rejected(feed, "malformed_entry",
                    "HKO warnsum entry " + safe(key) + " has no code/name or no issue/update time", JsonDocuments.bytes(w)));
            return;
        }
        boolean chinese = language.chinese();
        String label = HkoWarningNames.name(code, chinese)
                .or(() -> Optional.ofNullable(JsonDocuments.text(w, "type")))
                .or(() -> Optional.ofNullable(name))
                .or(() -> HkoWarningNames.name(key, chinese))
                .orElse(code);
        String action = Optional.ofNullable(JsonDocuments.text(w, "actionCode")).map(a -> a.toUpperCase(Locale.ROOT)).orElse("");
        Verb verb = ACTIONS.get(action);
        Optional<Instant> expires = FeedDates.parse(JsonDocuments.text(w, "expireTime"), feed.timezone());
        ZoneId zone = feed.timezone();
        String title;
        StringBuilder text = new StringBuilder();
        if (chinese) {
            title = verb == null ? label + "現正生效" : "天文台" + verb.zh() + label;
            text.append("香港天文台於").append(zh(updated.get(), zone)).append(verb == null ? "公布" + label + "現正生效" : verb.zh() + label)
                    .append("。");
            if (issued.isPresent() && !issued.equals(updated)) {
                text.append("此警告於").append(zh(issued.get(), zone)).append("首次發出。");
            }
            expires.ifPresent(x -> text.append("預計於").append(zh(x, zone)).append("屆滿。"));
        } else {
            title = verb == null ? label + " in force" : "Observatory " + verb.enHeadline() + " " + label;
            text.append("The Hong Kong Observatory ").append(verb == null ? "reported the " + label + " in force" : verb.enPast() + " the " + label)
                    .append(" at ").append(en(updated.get(), zone)).append('.');
            if (issued.isPresent() && !issued.equals(updated)) {
                text.append(" It was first issued at ").append(en(issued.get(), zone)).append('.');
            }
            expires.ifPresent(x -> text.append(" It is expected to expire at ").append(en(x, zone)).append('.'));
        }
        items.add(item(feed, language, receivedAt, updated.get(), title, text.toString(), id(feed, updated.get(), key, code)));
    }

    /** One warningInfo detail. */
    private static void info(FeedDefinition feed, JsonNode d, String where, Lang language, Instant receivedAt,
                             List<NewsItem> items, List<ParsedFeed.Rejected> rejected) {
        String code = d.isObject() ? JsonDocuments.text(d, "warningStatementCode") : null;
        JsonNode contents = d.isObject() ? d.get("contents") : null;
        if (code == null || contents == null || !contents.isArray() || contents.isEmpty()) {
            rejected.add(FeedItems.rejected(feed, "malformed_entry",
                    "HKO warningInfo " + where + " has no warningStatementCode or no contents", JsonDocuments.bytes(d)));
            return;
        }
        String subtype = JsonDocuments.text(d, "subtype");
        boolean chinese = language.chinese();
        String title = HkoWarningNames.name(subtype, chinese).or(() -> HkoWarningNames.name(code, chinese)).orElse(code);
        String text = StreamSupport.stream(contents.spliterator(), false)
                .filter(JsonNode::isTextual).map(JsonNode::textValue).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n\n"));
        Optional<Instant> updated = FeedDates.parse(JsonDocuments.text(d, "updateTime"), feed.timezone());
        String id = updated.map(u -> id(feed, u, code, subtype))
                .orElseGet(() -> DocumentIds.fromContent(feed.id() + ":" + code, text));
        items.add(item(feed, language, receivedAt, updated.orElse(receivedAt), title, text, id));
    }

    private static NewsItem item(FeedDefinition feed, Lang language, Instant receivedAt, Instant published, String title,
                                 String text, String id) {
        boolean simplified = language == Lang.ZH_HANS; // lang=sc: the templates above are Traditional
        return FeedItems.item(feed, receivedAt, Optional.of(language))
                .setLanguage(language.code()) // we wrote the text: its language is known, whatever the hint
                .setDocId(id)
                .setTitle(simplified ? ChineseScript.toSimplified(title) : title)
                .setText(simplified ? ChineseScript.toSimplified(text) : text)
                .setContentType("text/plain")
                .setUrl("")
                .setPublishedAt(Protos.timestamp(published))
                .build();
    }

    static String id(FeedDefinition feed, Instant at, String code, String subtype) {
        String id = "hko:" + feed.id() + ":" + safe(code) + (subtype == null || subtype.equals(code) ? "" : ":" + safe(subtype))
                + ":" + at.getEpochSecond();
        return DocumentIds.isValid(id) ? id : DocumentIds.fromUrl(id);
    }

    private static String safe(String code) {
        return code == null ? "" : code.replaceAll("[^A-Za-z0-9_-]", "");
    }

    private static String en(Instant at, ZoneId zone) {
        var t = at.atZone(zone);
        String zoneName = zone.equals(FeedDefinition.DEFAULT_ZONE) ? "HKT" : zone.getId();
        return EN_TIME.format(t) + " " + zoneName + " on " + EN_DATE.format(t);
    }

    private static String zh(Instant at, ZoneId zone) {
        return ZH_DATE_TIME.format(at.atZone(zone));
    }

    private static boolean containsHan(String s) {
        return s.codePoints().anyMatch(ChineseScript::isHan);
    }
}
