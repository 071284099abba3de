package hk.hkgai.ingest.text;

import hk.hkgai.text.DocumentIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one form of a news URL that ingest stores and derives ids from: lower-case scheme and host, no default
 * port, no user info, no fragment, no tracking parameters, remaining query parameters sorted. The same story
 * reached through a newsletter link, a social share or the feed therefore gets one doc id and one citation URL.
 *
 * <p>Unlike the id itself (DocumentIds also drops a trailing slash) this stays a working address: it is what
 * citations link to, so nothing a server may care about (path case, trailing slash, parameter values) changes.
 * Non-http(s) identifiers (Atom {@code tag:} ids, {@code urn:}) and unparseable strings are returned trimmed.
 */
public final class UrlCanonicalizer {
    /** Click and campaign trackers of the common analytics/ad platforms (utm_* is matched as a prefix). */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "mkt_tok");

    private UrlCanonicalizer() {
    }

    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.strip();
        URI u = parse(trimmed);
        if (u == null || u.getScheme() == null || u.getHost() == null) {
            return trimmed;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return trimmed;
        }
        u = u.normalize(); // "/a/./b/../c" -> "/a/c"
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String query = u.getRawQuery() == null ? "" : Arrays.stream(u.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !isTracking(p))
                .sorted()
                .collect(Collectors.joining("&"));
        // "#!" (hashbang) fragments address content on old AJAX sites; any other fragment is a position in the page.
        String fragment = u.getRawFragment() != null && u.getRawFragment().startsWith("!") ? "#" + u.getRawFragment() : "";
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query) + fragment;
    }

    /** The doc id of the story at {@code url}: stable across tracking parameters, fragments and host case. */
    public static String docId(String url) {
        return DocumentIds.fromUrl(canonicalize(url));
    }

    private static boolean isTracking(String param) {
        int eq = param.indexOf('=');
        String name = decode(eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }

    /** Parses, percent-encoding what feeds often leave raw (spaces, non-ASCII paths such as /新聞/...). */
    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            try {
                return new URI(encodeIllegal(url));
            } catch (URISyntaxException e2) {
                return null;
            }
        }
    }

    private static String encodeIllegal(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
