package hk.hkgai.bench;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "hkgai.bench")
public interface BenchConfig {
    /** The repository root: data under bench/retrieval, results to bench/results. */
    String repo();

    String ingestUrl();

    String retrievalUrl();

    String opensearchUrl();

    String kafka();

    String indexAlias();

    String hybridPipeline();

    String cacheDir();

    int fillerChunks();

    int latencyRounds();

    int ingestItems();

    int freshnessSamples();

    /** Loopback port of the RSS feed the benchmark serves (bench/feeds.yaml points ingest at it). */
    int feedPort();
}
