package hk.hkgai.retrieval.query;

import hk.hkgai.retrieval.config.RetrievalConfig;
import hk.hkgai.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Query understanding: normalization (NFKC, zero-width characters), Cantonese colloquial forms rewritten to the
 * written Chinese that news uses (冇 -> 沒有, 八號風球 -> + 八號烈風或暴風信號), and, for the lexical leg, the
 * other language's names of what the query mentions (天文台 -> + Hong Kong Observatory). Script folding itself
 * happens in the index analyzer, which maps Traditional to Simplified on both sides.
 */
@ApplicationScoped
public class QueryRewriter {
    /** The lexical leg's query (with translations) and the text the query vector is computed from. */
    public record Rewritten(String lexical, String semantic) {
    }

    private final ColloquialTable table;
    private final BilingualGlossary glossary;
    private final boolean translateVectorQuery;

    @Inject
    public QueryRewriter(RetrievalConfig config) {
        this(ColloquialTable.load(config.retrieval().colloquialTable()), BilingualGlossary.load(config.retrieval().glossary()),
                config.retrieval().translateVectorQuery());
    }

    QueryRewriter(ColloquialTable table, BilingualGlossary glossary, boolean translateVectorQuery) {
        this.table = table;
        this.glossary = glossary;
        this.translateVectorQuery = translateVectorQuery;
    }

    public Rewritten understand(String query) {
        String written = rewrite(query);
        java.util.Set<String> translations = glossary.translations(written);
        if (translations.isEmpty()) {
            return new Rewritten(written, written);
        }
        String translated = written + " " + String.join(" ", translations);
        return new Rewritten(translated, translateVectorQuery ? translated : written);
    }

    /** Normalization and the Cantonese colloquial rewriting only. */
    public String rewrite(String query) {
        String text = TextNormalizer.normalize(query).strip();
        StringBuilder out = new StringBuilder(text.length() + 16);
        Set<String> expansions = new LinkedHashSet<>();
        int i = 0;
        while (i < text.length()) {
            ColloquialTable.Match m = table.longestAt(text, i);
            if (m == null) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            ColloquialTable.Entry e = m.entry();
            String matched = text.substring(i, i + m.length());
            switch (e.kind()) {
                case KEEP -> out.append(matched);
                case REPLACE -> out.append(e.written());
                case EXPAND -> {
                    out.append(matched);
                    expansions.add(e.written());
                }
            }
            i += matched.length();
        }
        for (String x : expansions) {
            out.append(' ').append(x);
        }
        return out.toString();
    }
}
