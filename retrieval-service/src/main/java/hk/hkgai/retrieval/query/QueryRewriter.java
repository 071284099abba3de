package hk.hkgai.retrieval.query;

import hk.hkgai.retrieval.config.RetrievalConfig;
import hk.hkgai.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Query understanding for the lexical leg: normalization (NFKC, zero-width characters) and Cantonese colloquial
 * forms rewritten to the written Chinese that news uses (冇 -> 沒有, 八號風球 -> + 八號烈風或暴風信號).
 * Script folding itself happens in the index analyzer, which maps Traditional to Simplified on both sides.
 */
@ApplicationScoped
public class QueryRewriter {
    private final ColloquialTable table;

    @Inject
    public QueryRewriter(RetrievalConfig config) {
        this(ColloquialTable.load(config.retrieval().colloquialTable()));
    }

    QueryRewriter(ColloquialTable table) {
        this.table = table;
    }

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
