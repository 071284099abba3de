package hk.hkgai.safety.classifier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A softmax regression over sentence embeddings: one weight row and one bias per label. Stored as JSON next to
 * its training data and rebuilt by {@link TrainClassifier}; {@code trainedOn} is the SHA-256 of the training
 * file, so a model that no longer matches its data is caught by a test.
 */
public record ClassifierModel(
        @JsonProperty("version") String version,
        @JsonProperty("embedding_model") String embeddingModel,
        @JsonProperty("max_tokens") int maxTokens,
        @JsonProperty("trained_on") String trainedOn,
        @JsonProperty("examples") int examples,
        @JsonProperty("cross_validated_accuracy") double crossValidatedAccuracy,
        @JsonProperty("labels") List<String> labels,
        @JsonProperty("center") float[] center,
        @JsonProperty("bias") float[] bias,
        @JsonProperty("weights") float[][] weights) {

    public ClassifierModel {
        if (labels == null || labels.isEmpty() || bias == null || weights == null
                || bias.length != labels.size() || weights.length != labels.size() || center == null) {
            throw new IllegalArgumentException("classifier model: labels, bias and weights must have one entry per label");
        }
        labels = List.copyOf(labels);
    }

    /** Label probabilities for one L2-normalized embedding (centered on the training mean first). */
    public float[] probabilities(float[] embedding) {
        float[] x = centered(embedding, center);
        double[] logits = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            double z = bias[k];
            float[] w = weights[k];
            for (int d = 0; d < w.length; d++) {
                z += w[d] * x[d];
            }
            logits[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        float[] p = new float[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = (float) (logits[k] / sum);
        }
        return p;
    }

    /** Embeddings of one model all sit in a narrow cone; subtracting their mean spreads them out. */
    static float[] centered(float[] v, float[] center) {
        float[] out = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = v[d] - center[d];
        }
        return out;
    }
}
