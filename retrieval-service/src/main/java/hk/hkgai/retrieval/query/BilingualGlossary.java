package hk.hkgai.retrieval.query;

import hk.hkgai.text.ChineseScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Dictionary-based query translation for cross-lingual search (query/hk-bilingual-glossary.tsv): a Chinese
 * question also searches for the English names of the things it mentions and vice versa, because the same story
 * is often published in both languages and the embedding model links the two only weakly.
 */
public final class BilingualGlossary {
    private record Entry(List<String> chinese, List<Pattern> english, String chineseTerm, String englishTerm) {
    }

    private final List<Entry> entries;

    private BilingualGlossary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static BilingualGlossary load(String location) {
        List<Entry> entries = new ArrayList<>();
        for (TsvData.Row row : TsvData.read(location)) {
            String[] cols = row.columns();
            if (cols.length != 2) {
                throw row.invalid("'chinese|...<TAB>english|...'");
            }
            List<String> zh = new ArrayList<>();
            for (String s : cols[0].split("\\|")) {
                zh.add(fold(s.strip()));
            }
            List<Pattern> en = new ArrayList<>();
            String[] enForms = cols[1].split("\\|");
            for (String s : enForms) {
                en.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(s.strip().toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])"));
            }
            entries.add(new Entry(zh, en, cols[0].split("\\|")[0].strip(), enForms[0].strip()));
        }
        return new BilingualGlossary(entries);
    }

    private static String fold(String s) {
        return ChineseScript.toSimplified(s).toLowerCase(Locale.ROOT);
    }

    /** The other language's terms for what the text mentions, each once, not those already in the text. */
    public Set<String> translations(String text) {
        String folded = fold(text);
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.chinese().stream().anyMatch(folded::contains) && e.english().stream().noneMatch(p -> p.matcher(lower).find())) {
                out.add(e.englishTerm());
            } else if (e.english().stream().anyMatch(p -> p.matcher(lower).find()) && e.chinese().stream().noneMatch(folded::contains)) {
                out.add(e.chineseTerm());
            }
        }
        return out;
    }

    public int size() {
        return entries.size();
    }
}
