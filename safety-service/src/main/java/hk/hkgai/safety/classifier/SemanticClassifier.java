package hk.hkgai.safety.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.safety.config.ClassifierConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Scores a text against the labelled examples the project wrote, by meaning rather than by wording, so a
 * paraphrase no lexicon foresaw is still caught. Loaded at start: a guard that is missing a layer it was
 * configured with must not start (it would otherwise run weaker than the operator believes).
 */
@ApplicationScoped
@Startup
public class SemanticClassifier {
    public static final String BUNDLED = "classifier/model.json";
    private static final Logger LOG = Logger.getLogger(SemanticClassifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param label the most likely harmful label
     * @param harm  P(any harmful label): the sum over every label that names a harm
     */
    public record Score(String label, float harm) {
    }

    private final ClassifierModel model;
    private final BgeEmbedder embedder;
    private final StaticReading table;
    private final NgramVocabulary vocabulary;

    public SemanticClassifier(ClassifierConfig config) {
        if (!config.enabled()) {
            LOG.warn("semantic classifier disabled by configuration: lexicon, personal-data and jailbreak layers only");
            this.model = null;
            this.embedder = null;
            this.table = null;
            this.vocabulary = null;
            return;
        }
        long start = System.nanoTime();
        this.model = config.modelFile().filter(f -> !f.isBlank()).map(f -> read(Path.of(f))).orElseGet(SemanticClassifier::readBundled);
        this.vocabulary = model.vocabulary().orElse(null);
        Path cache = Path.of(config.cacheDir().filter(s -> !s.isBlank()).orElse(System.getProperty("java.io.tmpdir") + "/hkgai-djl"));
        try {
            if (ClassifierModel.isStatic(model.encoder())) {
                this.table = StaticReading.load(model.encoder(), cache);
                this.embedder = null;
            } else {
                this.table = null;
                this.embedder = BgeEmbedder.load(new BgeEmbedder.Options(Optional.empty(), Optional.empty(), cache,
                        model.maxTokens(), config.intraOpThreads(), false));
                embedder.embed(List.of("warm up 預熱")); // the first run allocates ONNX Runtime's arenas
            }
        } catch (Exception e) {
            throw new IllegalStateException("semantic classifier: the embedding model failed to load: " + e.getMessage(), e);
        }
        LOG.infof("semantic classifier loaded in %d ms: %s encoder, %d n-grams, %d labels, trained on %d examples (cross-validated accuracy %.3f)",
                (System.nanoTime() - start) / 1_000_000, model.encoder(), vocabulary == null ? 0 : vocabulary.size(),
                model.labels().size(), model.examples(), model.crossValidatedAccuracy());
    }

    public boolean enabled() {
        return model != null;
    }

    public ClassifierModel model() {
        return model;
    }

    /**
     * One score per text, in order. The static encoder reads all of a text, and a text longer than the model's
     * {@code max_tokens} also in windows of that many tokens (half overlapping), keeping the most harmful; the
     * transformer reads the first {@code max_tokens} tokens of each text, in a single batched forward pass. A model
     * with an n-gram vocabulary reads the whole text's n-grams beside each window's embedding.
     */
    public List<Score> score(List<String> texts) {
        if (model == null || texts.isEmpty()) {
            return List.of();
        }
        List<NgramVocabulary.Sparse> wording = texts.stream()
                .map(t -> vocabulary == null ? NgramVocabulary.Sparse.EMPTY : vocabulary.vector(t)).toList();
        if (table != null) {
            int window = model.maxTokens();
            List<Score> out = new java.util.ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                NgramVocabulary.Sparse words = wording.get(i);
                out.add(table.embedWithWindows(texts.get(i), window, window / 2).stream()
                        .map(v -> score(model, v, words))
                        .reduce((a, b) -> b.harm() > a.harm() ? b : a)
                        .orElseThrow());
            }
            return out;
        }
        float[][] vectors = embedder.embed(texts).vectors();
        List<Score> out = new java.util.ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(score(model, vectors[i], wording.get(i)));
        }
        return out;
    }

    static Score score(ClassifierModel model, float[] embedding, NgramVocabulary.Sparse wording) {
        float[] p = model.probabilities(embedding, wording);
        float harm = 0;
        int best = -1;
        for (int k = 0; k < p.length; k++) {
            if (!TrainClassifier.HARMLESS.contains(model.labels().get(k))) {
                harm += p[k];
                if (best < 0 || p[k] > p[best]) {
                    best = k;
                }
            }
        }
        return new Score(best < 0 ? "" : model.labels().get(best), harm);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (embedder != null) {
            embedder.close();
        }
        if (table != null) {
            table.close();
        }
    }

    static ClassifierModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, ClassifierModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier model " + file, e);
        }
    }

    static ClassifierModel readBundled() {
        try (InputStream in = SemanticClassifier.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled classifier " + BUNDLED + " is missing from the jar (run ./hk safety train)");
            }
            return JSON.readValue(in, ClassifierModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
