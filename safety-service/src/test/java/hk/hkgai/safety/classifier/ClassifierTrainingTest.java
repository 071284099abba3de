package hk.hkgai.safety.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.embeddings.BgeEmbedder;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Quarkus test only so that the tokenizer's native library is loaded by the application's class loader. */
@QuarkusTest
class ClassifierTrainingTest {
    private static final Path TRAIN = Path.of("src/main/resources/classifier/train.jsonl");

    @Test
    void theBundledModelWasTrainedOnTheBundledExamples() throws Exception {
        ClassifierModel model = SemanticClassifier.readBundled();
        assertThat(model.trainedOn()).as("classifier/model.json is stale: run ./hk safety train").isEqualTo(TrainClassifier.trainedOn(TRAIN));
        assertThat(model.examples()).isEqualTo(TrainClassifier.readAll(TRAIN).size());
        assertThat(model.embeddingModel()).isEqualTo(BgeEmbedder.MODEL_ID);
    }

    @Test
    void retrainingOnTheSameExamplesGivesTheSameModel() throws Exception {
        List<TrainClassifier.Example> examples = TrainClassifier.read(TRAIN).subList(0, 120);
        String encoder = SemanticClassifier.readBundled().encoder();
        try (TrainClassifier.Encoder embedder = TrainClassifier.encoder(encoder)) {
            float[][] first = embedder.embed(examples);
            float[][] second = embedder.embed(examples);
            assertThat(second).isDeepEqualTo(first);
            ClassifierModel a = TrainClassifier.train(examples, first, encoder, "x", false);
            ClassifierModel b = TrainClassifier.train(examples, second, encoder, "x", false);
            assertThat(b.weights()).isDeepEqualTo(a.weights());
            assertThat(b.bias()).containsExactly(a.bias());
            assertThat(b.scale()).isEqualTo(a.scale());
        }
    }

    @Test
    void noTrainingExampleIsAnItemOfTheBenchmarksHeldOutHalf() throws Exception {
        // The test half (SafetyItem.split(): first byte of SHA-256(id) odd) is what the guard's figures are quoted
        // on; an item trained on would measure memory, not the guard. Compared after NFKC, lower case and spaces.
        java.util.Set<String> heldOut = new java.util.HashSet<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String file : List.of("adversarial.jsonl", "benign.jsonl")) {
            for (String line : java.nio.file.Files.readAllLines(Path.of("..", "bench", "safety", file))) {
                if (line.isBlank()) {
                    continue;
                }
                var item = json.readTree(line);
                byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(item.path("id").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if ((h[0] & 1) == 1) {
                    heldOut.add(comparable(item.path("text").asText()));
                }
            }
        }
        assertThat(heldOut).hasSizeGreaterThan(200);
        for (Path file : TrainClassifier.trainingFiles(TRAIN)) {
            assertThat(TrainClassifier.read(file)).as(file.toString())
                    .noneMatch(e -> heldOut.contains(comparable(e.text())));
        }
    }

    private static String comparable(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }
}
