package hk.hkgai.ingest.service;

import hk.hkgai.ingest.config.IngestConfig;
import hk.hkgai.embeddings.BgeTokenizer;
import hk.hkgai.ingest.text.TokenCounter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The embedding model's tokenizer as a bean, loaded at startup. Fails the start when it cannot be loaded:
 * without it chunk sizes would be guesses, and an item chunked wrongly is indexed wrongly until re-ingested.
 */
@ApplicationScoped
public class TokenizerProducer {
    private static final Logger LOG = Logger.getLogger(TokenizerProducer.class);

    @Produces
    @Singleton
    BgeTokenizer tokenizer(IngestConfig config) {
        long start = System.nanoTime();
        Path cacheDir = Path.of(config.tokenizer().cacheDir().filter(d -> !d.isBlank())
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "hkgai-djl").toString()));
        try {
            BgeTokenizer tokenizer = BgeTokenizer.load(config.tokenizer().file().filter(f -> !f.isBlank()).map(Path::of), cacheDir);
            LOG.infof("bge-small-zh-v1.5 tokenizer loaded in %d ms (chunks of %d tokens)",
                    (System.nanoTime() - start) / 1_000_000, config.chunk().targetTokens());
            return tokenizer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bge-small-zh-v1.5 tokenizer: " + e.getMessage(), e);
        }
    }

    /** What the chunker needs: a length in the model's tokens (tests can give it any counter). */
    @Produces
    @Singleton
    TokenCounter tokenCounter(BgeTokenizer tokenizer) {
        return tokenizer::count;
    }

    void close(@Disposes BgeTokenizer tokenizer) {
        tokenizer.close();
    }

    /** Loads it while the service starts rather than on the first item. */
    void loadAtStartup(@Observes StartupEvent event, TokenCounter tokens) {
        tokens.count("暖機 warm-up");
    }
}
