package hk.hkgai.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real int8 bge-small-zh-v1.5 on ONNX Runtime: vectors are unit length and scripts meet in one space. */
class BgeEmbedderTest {
    private static BgeEmbedder embedder;

    @BeforeAll
    static void load() throws Exception {
        embedder = BgeEmbedder.load(new BgeEmbedder.Options(Optional.empty(), Optional.empty(),
                Path.of("target", "djl-cache").toAbsolutePath(), 512, 0, false));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void traditionalAndSimplifiedFormsOfOneSentenceAreCloserThanAnUnrelatedSentence() {
        BgeEmbedder.Result r = embedder.embed(List.of(
                "天文台發出八號烈風或暴風信號，市民應留在安全地方。",
                "天文台发出八号烈风或暴风信号，市民应留在安全地方。",
                "立法會三讀通過撥款條例草案。"));
        assertThat(r.vectors()).hasNumberOfRows(3);
        assertThat(r.vectors()[0]).hasSize(BgeEmbedder.DIMENSIONS);
        double norm = 0;
        for (float x : r.vectors()[0]) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(BgeEmbedder.cosine(r.vectors()[0], r.vectors()[1]))
                .isGreaterThan(BgeEmbedder.cosine(r.vectors()[0], r.vectors()[2]) + 0.1);
    }

    @Test
    void upperCaseEnglishIsLowerCasedInsteadOfBecomingUnknownTokens() {
        BgeEmbedder.Result r = embedder.embed(List.of("MTR EAST RAIL LINE SUSPENDED", "mtr east rail line suspended"));
        assertThat(BgeEmbedder.cosine(r.vectors()[0], r.vectors()[1])).isGreaterThan(0.999);
        assertThat(embedder.countTokens("天文台")).isEqualTo(3);
    }
}
