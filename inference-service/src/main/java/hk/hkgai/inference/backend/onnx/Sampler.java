package hk.hkgai.inference.backend.onnx;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from a row of logits, as Hugging Face's generate does: repetition penalty over the tokens
 * seen so far (prompt and output), then greedy when temperature is 0, else temperature, top-k, top-p and a draw
 * from a generator seeded per request (the same seed and settings give the same tokens). One per sequence.
 */
public final class Sampler {
    /** Resolved settings: temperature 0 is greedy; topK 0 and topP 1 turn those filters off; penalty 1 is none. */
    public record Settings(double temperature, int topK, double topP, double repetitionPenalty, long seed) {
        public Settings {
            if (temperature < 0 || temperature > 2) {
                throw new IllegalArgumentException("temperature must be between 0 and 2");
            }
            if (topP <= 0 || topP > 1) {
                throw new IllegalArgumentException("top_p must be in (0, 1]");
            }
            if (topK < 0) {
                throw new IllegalArgumentException("top_k must not be negative");
            }
            if (repetitionPenalty <= 0) {
                throw new IllegalArgumentException("repetition_penalty must be positive");
            }
        }

        public static Settings greedy() {
            return new Settings(0, 0, 1, 1, 0);
        }
    }

    private final Settings settings;
    private final Random random;
    private final boolean[] seen;

    public Sampler(Settings settings, int vocab, long[] prompt) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.seen = new boolean[vocab];
        for (long t : prompt) {
            observe(t);
        }
    }

    /** Records a token as seen (for the repetition penalty). */
    public void observe(long token) {
        if (token >= 0 && token < seen.length) {
            seen[(int) token] = true;
        }
    }

    /** Chooses the next token; {@code logits} is modified. */
    public int next(float[] logits) {
        int n = Math.min(logits.length, seen.length);
        double penalty = settings.repetitionPenalty();
        if (penalty != 1) {
            for (int i = 0; i < n; i++) {
                if (seen[i]) {
                    logits[i] = (float) (logits[i] > 0 ? logits[i] / penalty : logits[i] * penalty);
                }
            }
        }
        if (settings.temperature() == 0) {
            return argmax(logits, n);
        }
        return draw(logits, n);
    }

    static int argmax(float[] logits, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    private int draw(float[] logits, int n) {
        // Candidates in descending logit order; top-k keeps the first k, top-p the smallest prefix with mass >= p.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int k = settings.topK() > 0 ? Math.min(settings.topK(), n) : n;
        if (k < n) {
            partialSort(order, logits, k);
        } else {
            Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));
        }
        double t = settings.temperature();
        double max = logits[order[0]];
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp((logits[order[i]] - max) / t);
            sum += p[i];
        }
        int keep = k;
        if (settings.topP() < 1) {
            double mass = 0;
            for (int i = 0; i < k; i++) {
                mass += p[i] / sum;
                if (mass >= settings.topP()) {
                    keep = i + 1;
                    break;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < keep; i++) {
            total += p[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < keep; i++) {
            r -= p[i];
            if (r <= 0) {
                return order[i];
            }
        }
        return order[keep - 1];
    }

    /** Moves the k largest logits to the front, in descending order (O(n log k) for a large vocabulary). */
    private static void partialSort(Integer[] order, float[] logits, int k) {
        java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(k + 1, (a, b) -> Float.compare(logits[a], logits[b]));
        for (Integer i : order) {
            heap.add(i);
            if (heap.size() > k) {
                heap.poll();
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            order[i] = heap.poll();
        }
    }
}
