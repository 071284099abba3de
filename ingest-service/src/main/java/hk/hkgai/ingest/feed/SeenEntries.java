package hk.hkgai.ingest.feed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entries of one feed already published by this process (doc_id -> content hash), so a poll publishes
 * only new or changed entries instead of the whole feed again. Bounded: the oldest entries are forgotten
 * first (a forgotten entry that is still listed is just published again, which downstream ids make harmless).
 */
final class SeenEntries {
    private final LinkedHashMap<String, String> entries;

    SeenEntries(int max) {
        this.entries = new LinkedHashMap<>(Math.min(max, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > max;
            }
        };
    }

    synchronized boolean isNew(String docId, String contentHash) {
        return !contentHash.equals(entries.get(docId));
    }

    synchronized void remember(String docId, String contentHash) {
        entries.remove(docId); // re-insert: a re-listed entry becomes the youngest again
        entries.put(docId, contentHash);
    }

    synchronized int size() {
        return entries.size();
    }
}
