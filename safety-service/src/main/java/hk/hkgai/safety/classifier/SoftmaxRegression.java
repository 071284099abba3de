package hk.hkgai.safety.classifier;

/**
 * Multinomial logistic regression fitted by full-batch gradient descent from zero weights: no randomness, so
 * the same examples always give the same model. L2 regularization keeps weights small on a few hundred
 * examples in 512 dimensions.
 */
public final class SoftmaxRegression {
    private SoftmaxRegression() {
    }

    /** Weights in {@code [classes][dims]} and biases in {@code [classes]}, returned as one model's parts. */
    public record Fit(float[][] weights, float[] bias) {
    }

    public static Fit fit(float[][] x, int[] y, int classes, int epochs, double learningRate, double l2) {
        NgramVocabulary.Sparse[] none = new NgramVocabulary.Sparse[x.length];
        java.util.Arrays.fill(none, NgramVocabulary.Sparse.EMPTY);
        return fit(x, none, 0, y, classes, epochs, learningRate, l2);
    }

    /**
     * As above over each example's dense features {@code x[i]} followed by {@code sparseDims} sparse ones
     * {@code s[i]}: each weight row is {@code x[0].length + sparseDims} long.
     */
    public static Fit fit(float[][] x, NgramVocabulary.Sparse[] s, int sparseDims, int[] y, int classes, int epochs,
            double learningRate, double l2) {
        int n = x.length;
        int dense = x[0].length;
        int dims = dense + sparseDims;
        double[][] w = new double[classes][dims];
        double[] b = new double[classes];
        double[] p = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[][] gw = new double[classes][dims];
            double[] gb = new double[classes];
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    double z = b[k];
                    for (int d = 0; d < dense; d++) {
                        z += w[k][d] * x[i][d];
                    }
                    for (int j = 0; j < s[i].index().length; j++) {
                        z += w[k][dense + s[i].index()[j]] * s[i].value()[j];
                    }
                    p[k] = z;
                    max = Math.max(max, z);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    p[k] = Math.exp(p[k] - max);
                    sum += p[k];
                }
                for (int k = 0; k < classes; k++) {
                    double err = p[k] / sum - (y[i] == k ? 1 : 0);
                    gb[k] += err;
                    for (int d = 0; d < dense; d++) {
                        gw[k][d] += err * x[i][d];
                    }
                    for (int j = 0; j < s[i].index().length; j++) {
                        gw[k][dense + s[i].index()[j]] += err * s[i].value()[j];
                    }
                }
            }
            for (int k = 0; k < classes; k++) {
                b[k] -= learningRate * gb[k] / n;
                for (int d = 0; d < dims; d++) {
                    w[k][d] -= learningRate * (gw[k][d] / n + l2 * w[k][d]);
                }
            }
        }
        float[][] fw = new float[classes][dims];
        float[] fb = new float[classes];
        for (int k = 0; k < classes; k++) {
            fb[k] = round(b[k]);
            for (int d = 0; d < dims; d++) {
                fw[k][d] = round(w[k][d]);
            }
        }
        return new Fit(fw, fb);
    }

    /** Five significant decimals: the stored model stays small and diffs stay readable. */
    private static float round(double v) {
        return (float) (Math.round(v * 100_000d) / 100_000d);
    }
}
