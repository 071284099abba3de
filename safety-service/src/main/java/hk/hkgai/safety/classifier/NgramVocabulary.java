package hk.hkgai.safety.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The n-grams the classifier has weights for and their inverse document frequencies, turning a text into a
 * TF-IDF vector (sub-linear term frequency, L2-normalized, as scikit-learn's {@code TfidfVectorizer} with
 * {@code sublinear_tf}). Only n-grams in at least {@link #MIN_DOCUMENTS} training examples are kept: rarer ones
 * let the regression memorise single examples, and the model would grow by tens of thousands of weights per label.
 */
public final class NgramVocabulary {
    static final int MIN_DOCUMENTS = 3;

    /** A sparse vector: ascending feature indices and their values. */
    public record Sparse(int[] index, float[] value) {
        static final Sparse EMPTY = new Sparse(new int[0], new float[0]);
    }

    private final List<String> ngrams;
    private final float[] idf;
    // n-gram key -> feature index, open addressing over primitive keys: the guard looks up every n-gram of every
    // reading, and a boxed map would allocate for each.
    private final long[] slotKeys;
    private final int[] slotValues;
    private final int mask;

    public NgramVocabulary(List<String> ngrams, float[] idf) {
        if (ngrams.size() != idf.length) {
            throw new IllegalArgumentException("classifier model: one idf per n-gram");
        }
        this.ngrams = List.copyOf(ngrams);
        this.idf = idf.clone();
        int slots = Integer.highestOneBit(Math.max(4, ngrams.size() * 2) - 1) << 1; // a power of two, at most half full
        this.slotKeys = new long[slots];
        this.slotValues = new int[slots];
        this.mask = slots - 1;
        for (int i = 0; i < ngrams.size(); i++) {
            long key = CharNgrams.key(ngrams.get(i));
            int s = slot(key);
            while (slotKeys[s] != 0) {
                if (slotKeys[s] == key) {
                    throw new IllegalArgumentException("classifier model: n-gram listed twice: " + ngrams.get(i));
                }
                s = (s + 1) & mask;
            }
            slotKeys[s] = key; // keys are never 0: every code point is stored plus one
            slotValues[s] = i;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The n-gram's feature index, or -1. */
    private int indexOf(long key) {
        for (int s = slot(key); ; s = (s + 1) & mask) {
            long k = slotKeys[s];
            if (k == key) {
                return slotValues[s];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** The n-grams found in at least {@link #MIN_DOCUMENTS} of these texts' counts, in key order. */
    static NgramVocabulary fit(List<Map<Long, Integer>> documents) {
        Map<Long, Integer> df = new HashMap<>();
        for (Map<Long, Integer> d : documents) {
            d.keySet().forEach(k -> df.merge(k, 1, Integer::sum));
        }
        List<Long> kept = df.entrySet().stream().filter(e -> e.getValue() >= MIN_DOCUMENTS).map(Map.Entry::getKey).sorted().toList();
        List<String> ngrams = new ArrayList<>(kept.size());
        float[] idf = new float[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            ngrams.add(CharNgrams.text(kept.get(i)));
            idf[i] = (float) (Math.log((1.0 + documents.size()) / (1.0 + df.get(kept.get(i)))) + 1);
        }
        return new NgramVocabulary(ngrams, idf);
    }

    public List<String> ngrams() {
        return ngrams;
    }

    public float[] idf() {
        return idf.clone();
    }

    public int size() {
        return ngrams.size();
    }

    public Sparse vector(String text) {
        int[] counts = new int[ngrams.size()];
        int[] distinct = {0};
        CharNgrams.forEach(text, key -> {
            int i = indexOf(key);
            if (i >= 0 && counts[i]++ == 0) {
                distinct[0]++;
            }
        });
        if (distinct[0] == 0) {
            return Sparse.EMPTY;
        }
        // A scan of the counts (a few thousand ints) yields the indices already in order.
        int[] at = new int[distinct[0]];
        float[] value = new float[at.length];
        for (int i = 0, j = 0; j < at.length; i++) {
            if (counts[i] > 0) {
                at[j] = i;
                value[j++] = (float) ((1 + Math.log(counts[i])) * idf[i]);
            }
        }
        return normalized(at, value);
    }

    private static Sparse normalized(int[] at, float[] value) {
        double norm = 0;
        for (float v : value) {
            norm += v * (double) v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < value.length; j++) {
            value[j] *= scale;
        }
        return new Sparse(at, value);
    }

    Sparse vector(Map<Long, Integer> counts) {
        // Index and count packed into one long, so sorting by index keeps each count with its n-gram.
        long[] found = new long[counts.size()];
        int n = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            int i = indexOf(e.getKey());
            if (i >= 0) {
                found[n++] = ((long) i << 32) | e.getValue();
            }
        }
        if (n == 0) {
            return Sparse.EMPTY;
        }
        java.util.Arrays.sort(found, 0, n);
        int[] at = new int[n];
        float[] value = new float[n];
        for (int j = 0; j < n; j++) {
            at[j] = (int) (found[j] >>> 32);
            value[j] = (float) ((1 + Math.log((int) found[j])) * idf[at[j]]);
        }
        return normalized(at, value);
    }
}
