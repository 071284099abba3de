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
 *
 * <p>Page furniture that feeds copy into their content is dropped, because it would otherwise be indexed and
 * quoted as if it were the story: scripts, styles and other invisible elements; navigation, forms and buttons;
 * elements whose class or id names them as sharing, related links, ads, newsletters or cookie notices; and short
 * paragraphs that are only such a phrase ("Share this", "Read more", "分享到 Facebook", "相關新聞").
 */
public final class HtmlCleaner {
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "tr", "blockquote", "pre", "article", "section", "header", "footer", "main", "aside",
            "figure", "figcaption", "address", "hr", "nav", "caption");
    /** Never reader-visible text, or controls rather than content. */
    private static final String INVISIBLE = "script, style, noscript, template, iframe, object, embed, svg, head, "
            + "nav, form, button, input, select, textarea, dialog";
    /** class/id words of boilerplate containers (matched as whole words of the attribute). */
    private static final Pattern BOILERPLATE_CONTAINER = Pattern.compile(
            "(?:^|[\\s_-])(?:share|sharing|sharebar|social|related|advert|advertisement|ads?|sponsored|promo|newsletter"
                    + "|subscribe|subscription|cookies?|breadcrumbs?|comments?|toolbar)(?:$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    /** A whole (short) paragraph that is only a call to action or a section label, in English or Chinese. */
    private static final Pattern BOILERPLATE_PARAGRAPH = Pattern.compile(
            "(?:share(?: this(?: (?:article|story|page))?| on \\w+)?|follow us(?: on \\w+)?|read more|continue reading"
                    + "|click here(?: to \\w+)?|subscribe(?: to our newsletter| now)?|sign up for our newsletter|advertisement"
                    + "|related (?:articles|stories|news)|tags?|print|email|back to top|top"
                    + "|分享(?:到|至)?(?:\\s*\\w+)?|分享此(?:文|文章|頁|页)|列印|打印|相關(?:新聞|文章|報道)|相关(?:新闻|文章|报道)"
                    + "|延伸閱讀|延伸阅读|訂閱(?:\\w*)|订阅(?:\\w*)|按此(?:\\w*)|點擊(?:\\w*)|点击(?:\\w*)|廣告|广告|返回頁頂|返回顶部)"
                    + "[\\s:：.。!！>»›|]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Longer paragraphs are content even when they start like boilerplate ("Share prices fell ..."). */
    private static final int BOILERPLATE_MAX_CHARS = 40;
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
        doc.body().select("[class], [id]").stream()
                .filter(e -> BOILERPLATE_CONTAINER.matcher(e.className()).find() || BOILERPLATE_CONTAINER.matcher(e.id()).find())
                .forEach(Element::remove);
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
        return dropBoilerplateParagraphs(TextCleaner.clean(out.toString()));
    }

    static String dropBoilerplateParagraphs(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (String paragraph : text.split("\n\n")) {
            if (paragraph.length() <= BOILERPLATE_MAX_CHARS && BOILERPLATE_PARAGRAPH.matcher(paragraph).matches()) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append("\n\n");
            }
            kept.append(paragraph);
        }
        return kept.toString();
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
