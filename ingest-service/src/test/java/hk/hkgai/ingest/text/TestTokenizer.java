package hk.hkgai.ingest.text;

import hk.hkgai.embeddings.BgeTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The real bge tokenizer, loaded once per test JVM (about half a second). */
public final class TestTokenizer {
    private static TokenCounter instance;

    private TestTokenizer() {
    }

    public static synchronized TokenCounter get() {
        if (instance == null) {
            try {
                instance = BgeTokenizer.loadDefault()::count;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }
}
