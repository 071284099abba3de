package hk.hkgai.bench;

import hk.hkgai.embeddings.BgeEmbedder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The same bge-small-zh-v1.5 the services use: query vectors for the direct-to-OpenSearch baseline, filler vectors. */
@Singleton
public class Embedder {
    private final BenchConfig config;
    private BgeEmbedder model;

    public Embedder(BenchConfig config) {
        this.config = config;
    }

    public synchronized List<float[]> embed(List<String> texts) throws Exception {
        if (model == null) {
            model = BgeEmbedder.load(new BgeEmbedder.Options(Optional.empty(), Optional.empty(),
                    Path.of(config.cacheDir()).toAbsolutePath(), 512, 0, false));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += 32) {
            for (float[] v : model.embed(texts.subList(i, Math.min(texts.size(), i + 32))).vectors()) {
                out.add(v);
            }
        }
        return out;
    }

    @PreDestroy
    synchronized void close() {
        if (model != null) {
            model.close();
        }
    }
}
