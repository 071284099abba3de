package hk.hkgai.text;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stable document ids. A pushed document keeps the id its owner gave it; anything else gets an id derived
 * from what identifies it (its canonical URL, else its content), so fetching or pushing it again yields
 * the same id and re-indexing overwrites instead of duplicating.
 */
public final class DocumentIds {
    /** Ids are used in Kafka keys, OpenSearch _ids and chunk ids ("id#3"): keep them plain. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

    private DocumentIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static String describeValid() {
        return "1-128 characters from A-Z a-z 0-9 . _ : -, starting with a letter or digit";
    }

    /** "u-" + 24 hex chars of SHA-256 of the canonical URL. */
    public static String fromUrl(String url) {
        return "u-" + sha256(canonicalUrl(url)).substring(0, 24);
    }

    /** "c-" + 24 hex chars of SHA-256 of the normalized title and text. */
    public static String fromContent(String title, String text) {
        return "c-" + contentHash(title, text).substring(0, 24);
    }

    /** SHA-256 (hex) of the normalized title and text: equal for the same story however it was spaced. */
    public static String contentHash(String title, String text) {
        return sha256(TextNormalizer.normalize(title) + "\n" + TextNormalizer.normalize(text));
    }

    public static String chunkId(String docId, int index) {
        return docId + "#" + index;
    }

    /**
     * Lower-case scheme and host, no default port, no fragment, no tracking parameters (utm_*, fbclid,
     * gclid), no trailing slash. Unparseable input is returned trimmed.
     */
    public static String canonicalUrl(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI u = new URI(url.trim()).normalize();
            if (u.getScheme() == null || u.getHost() == null) {
                return url.trim();
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = u.getRawQuery() == null ? null : Arrays.stream(u.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty())
                    .filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("utm_") && !p.startsWith("fbclid=") && !p.startsWith("gclid="))
                    .sorted()
                    .collect(Collectors.joining("&"));
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (java.net.URISyntaxException e) {
            return url.trim();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
