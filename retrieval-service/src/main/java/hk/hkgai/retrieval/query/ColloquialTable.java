package hk.hkgai.retrieval.query;

import hk.hkgai.text.ChineseScript;
import java.util.HashMap;
import java.util.Map;

/**
 * The Cantonese colloquial -> written Chinese table (a data file, see query/yue-to-written.tsv), indexed by every
 * spelling of each key (Traditional and Simplified) for longest-match lookup.
 */
public final class ColloquialTable {
    public enum Kind { REPLACE, EXPAND, KEEP }

    public record Entry(String colloquial, String written, Kind kind) {
    }

    private final Map<String, Entry> byKey;
    private final int longestKey;

    private ColloquialTable(Map<String, Entry> byKey) {
        this.byKey = Map.copyOf(byKey);
        this.longestKey = byKey.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** {@code classpath:<resource>} or a file path. */
    public static ColloquialTable load(String location) {
        Map<String, Entry> entries = new HashMap<>();
        for (TsvData.Row row : TsvData.read(location)) {
            String[] cols = row.columns();
            if (cols.length != 3 || cols[0].isBlank() || cols[1].isBlank()) {
                throw row.invalid("'colloquial<TAB>written<TAB>kind'");
            }
            Kind kind = Kind.valueOf(cols[2].trim().toUpperCase(java.util.Locale.ROOT));
            Entry e = new Entry(cols[0].trim(), cols[1].trim(), kind);
            entries.put(e.colloquial(), e);
            entries.putIfAbsent(ChineseScript.toSimplified(e.colloquial()), e);
            entries.putIfAbsent(e.colloquial().toLowerCase(java.util.Locale.ROOT), e);
        }
        return new ColloquialTable(entries);
    }

    /** An entry found in a text, and how many characters its spelling there covers. */
    record Match(Entry entry, int length) {
    }

    /** The longest entry whose key starts at {@code from}, or null. */
    Match longestAt(String text, int from) {
        for (int len = Math.min(longestKey, text.length() - from); len > 0; len--) {
            Entry e = byKey.get(text.substring(from, from + len));
            if (e != null) {
                return new Match(e, len);
            }
        }
        return null;
    }

    int longestKey() {
        return longestKey;
    }

    public int size() {
        return byKey.size();
    }
}
