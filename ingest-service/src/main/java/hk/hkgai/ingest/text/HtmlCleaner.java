package hk.hkgai.ingest.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to readable text. Like jsoup's {@code Element.text()} (entities decoded, tags dropped) but block
 * elements become paragraph breaks, so a feed's {@code <p>} structure still ends sentences for the splitter.
 */
public final class HtmlCleaner {
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "tr", "blockquote", "pre", "article", "section", "header", "footer", "main", "aside",
            "figure", "figcaption", "address", "hr", "nav", "caption");
    /** Never reader-visible text. */
    private static final String INVISIBLE = "script, style, noscript, template, iframe, object, svg, head";
    /** Common tags or an entity: enough to tell "HTML sent as text" from prose that mentions a "<". */
    private static final Pattern MARKUP = Pattern.compile(
            "<(?:p|br|div|a|span|img|b|i|em|strong|ul|ol|li|h[1-6]|table|tr|td|blockquote)\\b[^>]*>"
                    + "|&(?:[a-zA-Z]{2,8}|#\\d{2,6}|#x[0-9a-fA-F]{2,5});",
            Pattern.CASE_INSENSITIVE);

    private HtmlCleaner() {
    }

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(INVISIBLE).remove();
        StringBuilder out = new StringBuilder(html.length());
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    } else if (tag.equals("img") && !e.attr("alt").isBlank()) {
                        out.append(' ').append(e.attr("alt")).append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }
        });
        return TextCleaner.clean(out.toString());
    }

    /** True if the content type names HTML/XHTML (ROME reports "html", "xhtml", "text/html"). */
    public static boolean isHtmlType(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    }

    /** Cheap sniff for markup in text declared as plain (many RSS descriptions are HTML without saying so). */
    public static boolean looksLikeHtml(String text) {
        return text != null && MARKUP.matcher(text).find();
    }
}
