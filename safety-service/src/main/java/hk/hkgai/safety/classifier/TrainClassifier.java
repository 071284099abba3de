package hk.hkgai.safety.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hk.hkgai.embeddings.BgeEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Retrains the semantic classifier from labelled examples, reproducibly: {@code ./hk safety train} (or
 * {@code java -cp … hk.hkgai.safety.classifier.TrainClassifier train.jsonl model.json}; {@code train-extra.jsonl}
 * beside it is read too). Embeds every example through distilled token tables, by default bge-small-zh-v1.5's and
 * all-MiniLM-L6-v2's side by side ({@code -Dencoder=static+minilm}; bge's alone with {@code static}; bge's full
 * forward pass with {@code transformer}), built on one ONNX Runtime thread, so bit-for-bit repeatable; reports
 * five-fold cross-validated accuracy per label, then fits on all examples and writes the model.
 */
public final class TrainClassifier {
    static final int MAX_TOKENS = 128;
    static final int EPOCHS = Integer.getInteger("epochs", 1000);
    static final double LEARNING_RATE = Double.parseDouble(System.getProperty("lr", "20.0"));
    static final double L2 = Double.parseDouble(System.getProperty("l2", "1e-5"));
    /** Whether the model also reads character n-grams ({@code -Dngrams=false}: the embedding alone, as before). */
    static final boolean NGRAMS = Boolean.parseBoolean(System.getProperty("ngrams", "true"));
    /** Labels that name no harm: everything else is a harm the guard acts on. */
    public static final java.util.Set<String> HARMLESS = java.util.Set.of("benign", "sensitive_legit");
    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9};
    private static final int FOLDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One labelled example. */
    public record Example(String label, String language, String text) {
    }

    public static void main(String[] args) throws Exception {
        Path train = Path.of(args.length > 0 ? args[0] : "safety-service/src/main/resources/classifier/train.jsonl");
        Path out = Path.of(args.length > 1 ? args[1] : "safety-service/src/main/resources/classifier/model.json");
        String encoder = System.getProperty("encoder", ClassifierModel.STATIC_BILINGUAL);
        List<Example> examples = readAll(train);
        System.out.printf("%d examples, %d labels, from %s; encoder %s%n", examples.size(), labels(examples).size(), train, encoder);
        try (Encoder embedder = encoder(encoder)) {
            long t0 = System.nanoTime();
            float[][] x = embedder.embed(examples);
            System.out.printf("embedded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // -Dcv=false skips the five-fold measurement (six fits become one) while trying out data.
            ClassifierModel model = train(examples, x, embedder.name(), trainedOn(train), Boolean.parseBoolean(System.getProperty("cv", "true")));
            Files.writeString(out, JSON.writeValueAsString(model) + "\n", StandardCharsets.UTF_8);
            System.out.printf("cross-validated accuracy %.3f; model written to %s%n", model.crossValidatedAccuracy(), out);
        }
    }

    /** Texts to embeddings, as a model of the given encoder will read them in service. */
    public interface Encoder extends AutoCloseable {
        String name();

        float[][] embed(List<Example> examples);

        @Override
        void close();
    }

    static Encoder encoder(String name) throws Exception {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "hkgai-djl");
        if (ClassifierModel.isStatic(name)) {
            StaticReading table = StaticReading.load(name, cache);
            return new Encoder() {
                public String name() {
                    return name;
                }

                public float[][] embed(List<Example> examples) {
                    return examples.stream().map(e -> table.embed(e.text())).toArray(float[][]::new);
                }

                public void close() {
                    table.close();
                }
            };
        }
        if (!ClassifierModel.TRANSFORMER.equals(name)) {
            throw new IllegalArgumentException("encoder must be static or transformer, was " + name);
        }
        BgeEmbedder transformer = BgeEmbedder.load(new BgeEmbedder.Options(Optional.empty(), Optional.empty(), cache, MAX_TOKENS, 1, false));
        return new Encoder() {
            public String name() {
                return ClassifierModel.TRANSFORMER;
            }

            public float[][] embed(List<Example> examples) {
                float[][] x = new float[examples.size()][];
                for (int from = 0; from < examples.size(); from += 32) {
                    List<String> batch = examples.subList(from, Math.min(from + 32, examples.size())).stream().map(Example::text).toList();
                    float[][] v = transformer.embed(batch).vectors();
                    System.arraycopy(v, 0, x, from, v.length);
                }
                return x;
            }

            public void close() {
                transformer.close();
            }
        };
    }

    public static List<Example> read(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            out.add(new Example(n.path("label").asText(), n.path("language").asText(), n.path("text").asText()));
        }
        return out;
    }

    /** Fits on every example; with {@code crossValidate}, first measures held-out accuracy over five folds. */
    static ClassifierModel train(List<Example> examples, float[][] x, String encoder, String trainedOn, boolean crossValidate) {
        List<String> labels = labels(examples);
        int[] y = examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        List<Map<Long, Integer>> counts = examples.stream().map(e -> NGRAMS ? CharNgrams.count(e.text()) : Map.<Long, Integer>of()).toList();
        double accuracy = crossValidate ? crossValidate(x, counts, y, labels, encoder) : Double.NaN;
        ClassifierModel fit = fit(x, counts, y, labels, encoder);
        return new ClassifierModel(NGRAMS ? "3" : "2", encoder, BgeEmbedder.MODEL_ID, MAX_TOKENS, trainedOn, examples.size(),
                Math.round(accuracy * 1000) / 1000d, labels, fit.shift(), fit.scale(), fit.center(), fit.bias(), fit.weights(),
                fit.ngrams(), fit.idf());
    }

    /**
     * Standardization (static encoder only), centering, the n-gram vocabulary and the regression, all from these
     * examples alone.
     */
    private static ClassifierModel fit(float[][] x, List<Map<Long, Integer>> counts, int[] y, List<String> labels, String encoder) {
        float[] shift = null;
        float[] scale = null;
        float[][] features = x;
        if (ClassifierModel.isStatic(encoder)) {
            shift = mean(x);
            scale = deviation(x, shift);
            features = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                features[i] = ClassifierModel.standardized(x[i], shift, scale);
            }
        }
        float[] center = mean(features);
        NgramVocabulary vocabulary = NgramVocabulary.fit(counts);
        NgramVocabulary.Sparse[] text = counts.stream().map(vocabulary::vector).toArray(NgramVocabulary.Sparse[]::new);
        SoftmaxRegression.Fit fit = SoftmaxRegression.fit(center(features, center), text, vocabulary.size(), y, labels.size(),
                EPOCHS, LEARNING_RATE, L2);
        return new ClassifierModel("fit", encoder, BgeEmbedder.MODEL_ID, MAX_TOKENS, "", x.length, 0, labels, shift, scale, center,
                fit.bias(), fit.weights(), vocabulary.ngrams(), vocabulary.idf());
    }

    private static float[] deviation(float[][] x, float[] mean) {
        double[] sum = new double[mean.length];
        for (float[] v : x) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += (v[d] - mean[d]) * (double) (v[d] - mean[d]);
            }
        }
        float[] sd = new float[mean.length];
        for (int d = 0; d < sd.length; d++) {
            sd[d] = (float) Math.sqrt(sum[d] / x.length + 1e-12);
        }
        return sd;
    }

    private static double crossValidate(float[][] x, List<Map<Long, Integer>> counts, int[] y, List<String> labels, String encoder) {
        int correct = 0;
        TreeMap<String, int[]> perLabel = new TreeMap<>();
        // At each threshold on P(some harm): held-out harmful examples caught, harmless ones flagged.
        int[] caught = new int[THRESHOLDS.length];
        int[] flagged = new int[THRESHOLDS.length];
        int harmful = 0;
        // The folds are independent fits: run side by side, then read in fold order (the same figures every run).
        List<ClassifierModel> models = java.util.stream.IntStream.range(0, FOLDS).parallel().mapToObj(fold -> {
            List<Integer> trainIdx = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (i % FOLDS != fold) {
                    trainIdx.add(i);
                }
            }
            float[][] tx = trainIdx.stream().map(i -> x[i]).toArray(float[][]::new);
            int[] ty = trainIdx.stream().mapToInt(i -> y[i]).toArray();
            return fit(tx, trainIdx.stream().map(counts::get).toList(), ty, labels, encoder);
        }).toList();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> testIdx = new ArrayList<>();
            for (int i = fold; i < x.length; i += FOLDS) {
                testIdx.add(i);
            }
            ClassifierModel m = models.get(fold);
            NgramVocabulary vocabulary = m.vocabulary().orElse(null);
            for (int i : testIdx) {
                float[] p = m.probabilities(x[i], vocabulary == null ? NgramVocabulary.Sparse.EMPTY : vocabulary.vector(counts.get(i)));
                int predicted = argmax(p);
                double harm = 0;
                for (int k = 0; k < p.length; k++) {
                    harm += HARMLESS.contains(labels.get(k)) ? 0 : p[k];
                }
                boolean isHarmful = !HARMLESS.contains(labels.get(y[i]));
                harmful += isHarmful ? 1 : 0;
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    if (harm >= THRESHOLDS[t]) {
                        if (isHarmful) {
                            caught[t]++;
                        } else {
                            flagged[t]++;
                        }
                    }
                }
                int[] c = perLabel.computeIfAbsent(labels.get(y[i]), k -> new int[2]);
                c[1]++;
                if (predicted == y[i]) {
                    correct++;
                    c[0]++;
                }
            }
        }
        perLabel.forEach((label, c) -> System.out.printf("  %-28s %3d/%3d held-out correct%n", label, c[0], c[1]));
        for (int t = 0; t < THRESHOLDS.length; t++) {
            System.out.printf("  P(harm) >= %.2f: %.3f of harmful caught, %.3f of harmless flagged%n", THRESHOLDS[t],
                    (double) caught[t] / harmful, (double) flagged[t] / (x.length - harmful));
        }
        return (double) correct / x.length;
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private static List<String> labels(List<Example> examples) {
        return List.copyOf(new TreeSet<>(examples.stream().map(Example::label).toList()));
    }

    private static float[] mean(float[][] x) {
        float[] m = new float[x[0].length];
        for (float[] v : x) {
            for (int d = 0; d < m.length; d++) {
                m[d] += v[d] / x.length;
            }
        }
        return m;
    }

    private static float[][] center(float[][] x, float[] center) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = ClassifierModel.centered(x[i], center);
        }
        return out;
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The core examples ({@code train.jsonl}, which the lexicon is also held to: PolicyOnTrainingExamplesTest) and,
     * beside them, {@value #EXTRA}: examples for the classifier alone, written beyond the lexicon's reach
     * (English paraphrases, requests in third languages, short everyday texts).
     */
    public static List<Path> trainingFiles(Path core) {
        Path extra = core.resolveSibling(EXTRA);
        return Files.isRegularFile(extra) ? List.of(core, extra) : List.of(core);
    }

    public static final String EXTRA = "train-extra.jsonl";

    /** Every example of {@link #trainingFiles}, in order: what a model is fitted on. */
    public static List<Example> readAll(Path core) throws IOException {
        List<Example> out = new ArrayList<>();
        for (Path file : trainingFiles(core)) {
            out.addAll(read(file));
        }
        return out;
    }

    /** The SHA-256 of the training files' bytes, in order (with one file, its own SHA-256): a stale model is caught. */
    public static String trainedOn(Path core) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : trainingFiles(core)) {
                digest.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
