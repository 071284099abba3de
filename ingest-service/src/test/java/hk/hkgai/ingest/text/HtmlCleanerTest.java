package hk.hkgai.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlCleanerTest {
    @Test
    void paragraphsBecomeBlankLineSeparatedAndEntitiesAreDecoded() {
        String html = """
                <div class="article">
                  <h2>Press release</h2>
                  <p>Fees &amp; charges will rise by 3&nbsp;%.</p>
                  <p>&ldquo;We will review them,&rdquo; the spokesman said. It&#39;s &#x4E2D;&#25991; too.</p>
                </div>""";
        assertThat(HtmlCleaner.toText(html)).isEqualTo(
                "Press release\n\nFees & charges will rise by 3 %.\n\n\u201cWe will review them,\u201d the spokesman said. It's 中文 too.");
    }

    @Test
    void scriptsStylesAndCommentsAreDropped() {
        String html = "<style>p{color:red}</style><p>香港<!-- hidden -->天文台</p><script>alert('x')</script><noscript>enable JS</noscript>";
        assertThat(HtmlCleaner.toText(html)).isEqualTo("香港天文台");
    }

    @Test
    void lineBreaksJoinChineseDirectlyAndEnglishWithASpace() {
        assertThat(HtmlCleaner.toText("<p>天文台預料<br>明日天氣晴朗。</p>")).isEqualTo("天文台預料明日天氣晴朗。");
        assertThat(HtmlCleaner.toText("<p>Sunny periods<br/>tomorrow.</p>")).isEqualTo("Sunny periods tomorrow.");
        assertThat(HtmlCleaner.toText("<p>第一段。</p><p>第二段，</p>")).isEqualTo("第一段。\n\n第二段，");
    }

    @Test
    void fullWidthPunctuationAndInlineMarkupSurvive() {
        assertThat(HtmlCleaner.toText("<p><b>注意：</b>市民應<a href='/x'>留意</a>最新消息！（完）</p>"))
                .isEqualTo("注意：市民應留意最新消息！（完）");
        assertThat(HtmlCleaner.toText("<ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table>"))
                .isEqualTo("One\n\nTwo\n\nA B");
    }

    @Test
    void sniffsMarkupInTextDeclaredPlain() {
        assertThat(HtmlCleaner.looksLikeHtml("<p>hello</p>")).isTrue();
        assertThat(HtmlCleaner.looksLikeHtml("Tom &amp; Jerry")).isTrue();
        assertThat(HtmlCleaner.looksLikeHtml("if a < b and c > d")).isFalse();
        assertThat(HtmlCleaner.looksLikeHtml("R&D spending")).isFalse();
        assertThat(HtmlCleaner.isHtmlType("xhtml")).isTrue();
        assertThat(HtmlCleaner.isHtmlType("text")).isFalse();
        assertThat(HtmlCleaner.toText(null)).isEmpty();
    }

    @Test
    void pageFurnitureAndCallsToActionAreDropped() {
        String html = """
                <nav><a href="/">Home</a> &gt; <a href="/hk">Local</a></nav>
                <div class="article-body">
                  <p>The Transport Department said the new Kai Tak bus route would start on Sunday.</p>
                  <div class="share-bar"><a>Facebook</a><a>WhatsApp</a></div>
                  <p>Share this article</p>
                  <p>Share prices of the franchised bus operator rose 2 per cent after the announcement, which analysts said was expected.</p>
                  <aside id="related-news"><h3>Related news</h3><ul><li>Older story</li></ul></aside>
                  <form><input value="Subscribe"><button>Subscribe</button></form>
                  <p>Read more</p>
                </div>""";
        assertThat(HtmlCleaner.toText(html)).isEqualTo(
                "The Transport Department said the new Kai Tak bus route would start on Sunday.\n\n"
                        + "Share prices of the franchised bus operator rose 2 per cent after the announcement, which analysts said was expected.");
        assertThat(HtmlCleaner.toText("<p>運輸署表示，新巴士路線周日開辦。</p><p>分享到 Facebook</p><p>相關新聞：</p><div class=\"ad-slot\">廣告</div>"))
                .isEqualTo("運輸署表示，新巴士路線周日開辦。");
    }

    @Test
    void entitiesOfEveryKindAreDecoded() {
        assertThat(HtmlCleaner.toText("<p>HK&#36;3.8 billion &ndash; Kwai Chung &amp; Tung Chung &#x2014; &copy; RTHK&nbsp;&hellip;</p>"))
                .isEqualTo("HK$3.8 billion \u2013 Kwai Chung & Tung Chung \u2014 \u00a9 RTHK \u2026");
    }
}
