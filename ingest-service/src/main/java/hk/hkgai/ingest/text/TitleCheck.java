package hk.hkgai.ingest.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Recognises markup injected into a title. A title is shown as-is by clients (citations, answer headers), so
 * markup that could act there is rejected, not silently stripped: the item goes to the dead-letter topic, where
 * someone can see that a source is sending it. Inline formatting that a title may legitimately carry (Atom
 * {@code type="html"} titles: {@code <b>}, {@code <i>}, entities) is harmless and is stripped later as before.
 *
 * <p>Checked on the title as the feed parser produced it, i.e. after the XML layer decoded its entities once:
 * {@code &lt;script&gt;} in an RSS title arrives here as {@code <script>}. A second decoding catches markup that
 * was escaped twice to slip past exactly this check.
 */
public final class TitleCheck {
    private static final Set<String> INLINE = Set.of("b", "i", "em", "strong", "u", "s", "sub", "sup", "small", "span",
            "br", "abbr", "cite", "q", "mark", "del", "ins", "wbr");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>");
    /** Event handlers, script URLs and styles have no place even on an inline tag. */
    private static final Pattern ACTIVE_ATTRIBUTE = Pattern.compile("(?:\\bon[a-z]+\\s*=|javascript:|vbscript:|\\bstyle\\s*=)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_MARKUP = Pattern.compile("<!--|<!\\[CDATA\\[|<\\?|<!doctype", Pattern.CASE_INSENSITIVE);

    private TitleCheck() {
    }

    /** Why the title carries markup, or null when it does not. Names the tag, never quotes the title. */
    public static String problem(String title) {
        if (title == null || title.indexOf('<') < 0 && title.indexOf('&') < 0) {
            return null;
        }
        String found = active(title);
        if (found != null) {
            return "title contains " + found;
        }
        String decoded = Parser.unescapeEntities(TAG.matcher(title).replaceAll(""), false);
        if (TAG.matcher(decoded).find() || OTHER_MARKUP.matcher(decoded).find()) {
            return "title contains markup escaped twice";
        }
        return null;
    }

    private static String active(String title) {
        if (OTHER_MARKUP.matcher(title).find()) {
            return "a comment, CDATA section or processing instruction";
        }
        Matcher m = TAG.matcher(title);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!INLINE.contains(name)) {
                return "<" + name + "> markup";
            }
            if (ACTIVE_ATTRIBUTE.matcher(m.group(2)).find()) {
                return "an active attribute on <" + name + ">";
            }
        }
        return null;
    }
}
