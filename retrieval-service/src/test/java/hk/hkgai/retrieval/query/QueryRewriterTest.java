package hk.hkgai.retrieval.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryRewriterTest {
    private final QueryRewriter rewriter = new QueryRewriter(ColloquialTable.load("classpath:query/yue-to-written.tsv"),
            BilingualGlossary.load("classpath:query/hk-bilingual-glossary.tsv"), false);
    private final QueryRewriter translatingVectors = new QueryRewriter(ColloquialTable.load("classpath:query/yue-to-written.tsv"),
            BilingualGlossary.load("classpath:query/hk-bilingual-glossary.tsv"), true);

    @Test
    void cantoneseGrammarWordsBecomeWrittenChinese() {
        assertThat(rewriter.rewrite("佢哋喺邊度搭地鐵？")).isEqualTo("他們在哪裏乘搭港鐵?"); // NFKC: full-width punctuation becomes ASCII
        assertThat(rewriter.rewrite("琴日立法會通過咗咩條例")).isEqualTo("昨日立法會通過了甚麼條例");
        assertThat(rewriter.rewrite("係唔係唔使排隊")).isEqualTo("是否不用排隊");
    }

    @Test
    void newsTermsAreExpandedAndTheColloquialTermKept() {
        assertThat(rewriter.rewrite("天文台有冇掛八號風球？")).isEqualTo("天文台有沒有掛八號風球? 八號烈風或暴風信號");
        assertThat(rewriter.rewrite("而家係咪黑雨")).isEqualTo("現在是否黑雨 黑色暴雨警告信號");
    }

    @Test
    void simplifiedSpellingsOfCantoneseAreRewrittenToo() {
        assertThat(rewriter.rewrite("而家有冇落雨")).isEqualTo("現在有沒有下雨");
        assertThat(rewriter.rewrite("佢哋几时返工")).isEqualTo("他們何時上班");
    }

    @Test
    void formalWordsContainingColloquialCharactersStayIntact() {
        assertThat(rewriter.rewrite("中港關係與人工智能")).isEqualTo("中港關係與人工智能");
        assertThat(rewriter.rewrite("緊急通知：資產凍結")).isEqualTo("緊急通知:資產凍結");
    }

    @Test
    void englishAndWrittenChineseAreLeftAlone() {
        assertThat(rewriter.rewrite("Is the typhoon signal No. 8 in force?")).isEqualTo("Is the typhoon signal No. 8 in force?");
        assertThat(rewriter.rewrite("政府宣布第二期消費券發放安排")).isEqualTo("政府宣布第二期消費券發放安排");
    }

    @Test
    void chineseQueriesAlsoSearchTheEnglishNamesAndViceVersa() {
        QueryRewriter.Rewritten zh = rewriter.understand("天文台有冇掛八號風球？");
        assertThat(zh.lexical()).contains("八號烈風或暴風信號").contains("Hong Kong Observatory").contains("Gale or Storm Signal No. 8");
        assertThat(zh.semantic()).doesNotContain("Observatory"); // configurable: the vector leg may stay monolingual
        assertThat(translatingVectors.understand("天文台有冇掛八號風球？").semantic()).contains("Hong Kong Observatory");
        QueryRewriter.Rewritten en = rewriter.understand("Is the Black Rainstorm Warning in force? MTR delays");
        assertThat(en.lexical()).contains("黑色暴雨警告信號").contains("港鐵");
        assertThat(rewriter.understand("港铁东铁线今日服务").lexical()).contains("MTR").contains("East Rail Line");
    }

    @Test
    void englishTermsMatchWholeWordsOnly() {
        assertThat(rewriter.understand("The flux of tourists").lexical()).isEqualTo("The flux of tourists");
    }
}
