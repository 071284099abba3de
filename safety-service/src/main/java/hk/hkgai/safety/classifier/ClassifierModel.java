package hk.hkgai.safety.classifier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A softmax regression over sentence embeddings: one weight row and one bias per label. Stored as JSON next to
 * its training data and rebuilt by {@link TrainClassifier}; {@code trainedOn} is the SHA-256 of the training
 * file, so a model that no longer matches its data is caught by a test.
 *
 * <p>{@code encoder} names how a text became its embedding: {@value #STATIC} (bge-small-zh's distilled token
 * table, {@link hk.hkgai.embeddings.StaticEmbedder}), {@value #STATIC_BILINGUAL} (that table's vector followed by
 * all-MiniLM-L6-v2's, an English encoder: {@link StaticReading}) or {@value #TRANSFORMER} (the full forward pass,
 * {@link hk.hkgai.embeddings.BgeEmbedder}; also what a model without the field was trained on). A static model
 * carries {@code shift} and {@code scale}: its mean token vectors differ from one another in few directions, so
 * each dimension is standardized over the training examples (and the result L2-normalized again) before the
 * regression reads it.
 *
 * <p>A model may also read the text's wording: {@code ngrams} and {@code idf} are its character n-gram vocabulary
 * ({@link NgramVocabulary}), and each weight row then has one weight per embedding dimension followed by one per
 * n-gram. Meaning and wording together catch more at the same false-alarm rate than either alone (measured in the
 * classifier's README).
 */
public record ClassifierModel(
        @JsonProperty("version") String version,
        @JsonProperty("encoder") String encoder,
        @JsonProperty("embedding_model") String embeddingModel,
        @JsonProperty("max_tokens") int maxTokens,
        @JsonProperty("trained_on") String trainedOn,
        @JsonProperty("examples") int examples,
        @JsonProperty("cross_validated_accuracy") double crossValidatedAccuracy,
        @JsonProperty("labels") List<String> labels,
        @JsonProperty("shift") float[] shift,
        @JsonProperty("scale") float[] scale,
        @JsonProperty("center") float[] center,
        @JsonProperty("bias") float[] bias,
        @JsonProperty("weights") float[][] weights,
        @JsonProperty("ngrams") List<String> ngrams,
        @JsonProperty("idf") float[] idf) {

    public ClassifierModel {
        if (labels == null || labels.isEmpty() || bias == null || weights == null
                || bias.length != labels.size() || weights.length != labels.size() || center == null) {
            throw new IllegalArgumentException("classifier model: labels, bias and weights must have one entry per label");
        }
        labels = List.copyOf(labels);
        ngrams = ngrams == null ? List.of() : List.copyOf(ngrams);
        idf = idf == null ? new float[0] : idf;
        if (idf.length != ngrams.size()) {
            throw new IllegalArgumentException("classifier model: one idf per n-gram");
        }
        for (float[] row : weights) {
            if (row.length != center.length + ngrams.size()) {
                throw new IllegalArgumentException("classifier model: each weight row needs one weight per dimension and per n-gram");
            }
        }
        encoder = encoder == null ? TRANSFORMER : encoder;
        if (!isStatic(encoder) && !TRANSFORMER.equals(encoder)) {
            throw new IllegalArgumentException("classifier model: unknown encoder " + encoder);
        }
        if ((shift == null) != (scale == null) || shift != null && (shift.length != center.length || scale.length != center.length)) {
            throw new IllegalArgumentException("classifier model: shift and scale must both be present, one per dimension");
        }
    }

    public static final String STATIC = "static";
    public static final String STATIC_BILINGUAL = "static+minilm";
    public static final String TRANSFORMER = "transformer";

    /** Whether the encoder is a distilled token table (one or two), read whole and in windows. */
    public static boolean isStatic(String encoder) {
        return STATIC.equals(encoder) || STATIC_BILINGUAL.equals(encoder);
    }

    /** An encoder's vector as the regression reads it: standardized and re-normalized when the model says so. */
    public float[] features(float[] embedding) {
        return shift == null ? embedding : standardized(embedding, shift, scale);
    }

    static float[] standardized(float[] v, float[] shift, float[] scale) {
        float[] out = new float[v.length];
        double sum = 0;
        for (int d = 0; d < v.length; d++) {
            out[d] = (v[d] - shift[d]) / scale[d];
            sum += out[d] * out[d];
        }
        if (sum > 0) {
            float norm = (float) Math.sqrt(sum);
            for (int d = 0; d < out.length; d++) {
                out[d] /= norm;
            }
        }
        return out;
    }

    /** The n-gram vocabulary the weights expect, or none: build once, it indexes every n-gram. */
    public java.util.Optional<NgramVocabulary> vocabulary() {
        return ngrams.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new NgramVocabulary(ngrams, idf));
    }

    /** Label probabilities for one L2-normalized embedding, for a model that reads no n-grams. */
    public float[] probabilities(float[] embedding) {
        return probabilities(embedding, NgramVocabulary.Sparse.EMPTY);
    }

    /**
     * Label probabilities for one L2-normalized embedding (standardized if so trained, then centered) and the text's
     * n-gram vector from {@link #vocabulary()}.
     */
    public float[] probabilities(float[] embedding, NgramVocabulary.Sparse text) {
        float[] x = centered(features(embedding), center);
        double[] logits = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        int dims = center.length;
        for (int k = 0; k < logits.length; k++) {
            double z = bias[k];
            float[] w = weights[k];
            for (int d = 0; d < dims; d++) {
                z += w[d] * x[d];
            }
            for (int j = 0; j < text.index().length; j++) {
                z += w[dims + text.index()[j]] * text.value()[j];
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
