package hk.hkgai.ingest.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hk.hkgai.text.Lang;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the feed list (YAML). Feeds are data, not code: operators add a source by editing the file.
 * The whole file is validated at startup; a broken file stops the service rather than silently
 * polling half of it.
 *
 * <pre>
 * feeds:
 *   - id: hko-warnings
 *     url: https://rss.weather.gov.hk/rss/WeatherWarningBulletin_uc.xml
 *     source: Hong Kong Observatory
 *     language: zh-Hant      # optional hint
 *     interval: 60s          # 500ms, 30s, 5m, 1h or ISO-8601 (PT1M)
 *     enabled: true          # optional, default true
 *     format: rss            # optional: rss | atom (both: ROME, auto) | jsonfeed | hko-warnings
 *     timezone: Asia/Hong_Kong  # optional, the default: the zone of dates written without one
 * </pre>
 */
public final class FeedCatalog {
    public static final String CLASSPATH_PREFIX = "classpath:";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** The file as written; strings so that every problem can be reported with the feed's name. */
    @RegisterForReflection
    record FeedFile(List<FeedSpec> feeds) {
    }

    @RegisterForReflection
    record FeedSpec(String id, String url, String source, String language, String interval, Boolean enabled,
                    String format, String timezone) {
    }

    private FeedCatalog() {
    }

    /** Loads {@code classpath:...} or a file path. */
    public static List<FeedDefinition> load(String location) {
        try {
            if (location.startsWith(CLASSPATH_PREFIX)) {
                String resource = location.substring(CLASSPATH_PREFIX.length());
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("feed list " + location + " is not on the classpath");
                    }
                    return parse(in, location);
                }
            }
            try (InputStream in = Files.newInputStream(Path.of(location))) {
                return parse(in, location);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read feed list " + location + ": " + e.getMessage(), e);
        }
    }

    static List<FeedDefinition> parse(InputStream in, String name) throws IOException {
        FeedFile file;
        try {
            file = YAML.readValue(in, FeedFile.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("feed list " + name + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (file == null || file.feeds() == null) {
            return List.of();
        }
        List<FeedDefinition> feeds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.feeds().size(); i++) {
            FeedSpec spec = file.feeds().get(i);
            String where = name + " feeds[" + i + "]" + (spec != null && spec.id() != null ? " (" + spec.id() + ")" : "");
            if (spec == null) {
                throw new IllegalArgumentException(where + ": empty entry");
            }
            FeedDefinition feed = validate(spec, where);
            if (!ids.add(feed.id())) {
                throw new IllegalArgumentException(where + ": duplicate id " + feed.id());
            }
            feeds.add(feed);
        }
        return List.copyOf(feeds);
    }

    private static FeedDefinition validate(FeedSpec spec, String where) {
        if (spec.id() == null || !ID.matcher(spec.id()).matches()) {
            throw new IllegalArgumentException(where + ": id must match " + ID.pattern());
        }
        if (spec.url() == null || spec.url().isBlank()) {
            throw new IllegalArgumentException(where + ": url is required");
        }
        try {
            URI uri = new URI(spec.url().replace(FeedDefinition.SELF, "http://127.0.0.1:1"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(where + ": url must be an absolute http(s) URL: " + spec.url());
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": url is not a valid URL: " + e.getMessage());
        }
        if (spec.source() == null || spec.source().isBlank()) {
            throw new IllegalArgumentException(where + ": source (display name) is required");
        }
        Optional<Lang> language = Optional.empty();
        if (spec.language() != null && !spec.language().isBlank()) {
            language = Lang.fromCode(spec.language());
            if (language.isEmpty()) {
                throw new IllegalArgumentException(where + ": language must be yue, zh-Hant, zh-Hans or en, not " + spec.language());
            }
        }
        Duration interval = parseDuration(spec.interval() == null ? "60s" : spec.interval(), where);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(where + ": interval " + spec.interval() + " is shorter than " + MIN_INTERVAL);
        }
        FeedFormat format = FeedFormat.fromCode(spec.format()).orElseThrow(() -> new IllegalArgumentException(
                where + ": format must be rss, atom, jsonfeed or hko-warnings, not " + spec.format()));
        ZoneId zone = FeedDefinition.DEFAULT_ZONE;
        if (spec.timezone() != null && !spec.timezone().isBlank()) {
            try {
                zone = ZoneId.of(spec.timezone().strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(where + ": timezone must be a zone id such as Asia/Hong_Kong or +08:00, not "
                        + spec.timezone());
            }
        }
        return new FeedDefinition(spec.id(), spec.url().trim(), spec.source().trim(), language, interval,
                spec.enabled() == null || spec.enabled(), format, zone);
    }

    static Duration parseDuration(String value, String where) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": interval '" + value + "' is not a duration (e.g. 60s, 5m, PT1M)");
        }
    }
}
