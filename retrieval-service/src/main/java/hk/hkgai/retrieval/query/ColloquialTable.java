package hk.hkgai.retrieval.query;

import hk.hkgai.text.ChineseScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (InputStream in = open(location)) {
            return parse(in, location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the colloquial table " + location, e);
        }
    }

    static ColloquialTable parse(InputStream in, String name) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 3 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalArgumentException(name + ":" + number + ": expected 'colloquial<TAB>written<TAB>kind'");
            }
            Kind kind = Kind.valueOf(cols[2].trim().toUpperCase(java.util.Locale.ROOT));
            Entry e = new Entry(cols[0].trim(), cols[1].trim(), kind);
            entries.put(e.colloquial(), e);
            entries.putIfAbsent(ChineseScript.toSimplified(e.colloquial()), e);
            entries.putIfAbsent(e.colloquial().toLowerCase(java.util.Locale.ROOT), e);
        }
        return new ColloquialTable(entries);
    }

    static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = ColloquialTable.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("not on the classpath: " + resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
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
