package hk.hkgai.ingest.dedup;

/**
 * 64-bit SimHash (Charikar) over character 3-grams. Each shingle's 64-bit hash votes +1/-1 per bit; the sign of
 * each bit's total is the fingerprint. Texts sharing most shingles get fingerprints a few bits apart, so the
 * Hamming distance estimates how much of two texts differs. Character (not word) shingles, because Chinese has
 * no spaces and one changed character should cost only the three shingles it is part of.
 */
public final class SimHash {
    static final int SHINGLE = 3;

    private SimHash() {
    }

    /** The fingerprint of already folded text ({@link TextFolding}); 0 for empty text. */
    public static long of(String folded) {
        int[] cps = folded.codePoints().toArray();
        if (cps.length == 0) {
            return 0L;
        }
        int[] votes = new int[64];
        int shingles = Math.max(1, cps.length - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = hash(cps, i, Math.min(SHINGLE, cps.length - i));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += (h >>> bit & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a over the code points, then splitmix64's finalizer: FNV alone mixes the high bits poorly. */
    private static long hash(int[] cps, int from, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + length; i++) {
            h ^= cps[i];
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
