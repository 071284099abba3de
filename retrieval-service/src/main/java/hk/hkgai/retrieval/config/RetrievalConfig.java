package hk.hkgai.retrieval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hkgai")
public interface RetrievalConfig {
    @WithName("opensearch")
    OpenSearch openSearch();

    Retrieval retrieval();

    interface OpenSearch {
        /** Base URL of the cluster, e.g. http://127.0.0.1:9200. */
        String url();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration socketTimeout();

        /** User for HTTP basic authentication (the security plugin's internal users); none when absent. */
        Optional<String> username();

        /** Its password ({@code HKGAI_OPENSEARCH_PASSWORD}, from a Secret); never logged. */
        Optional<String> password();

        /**
         * PEM file of the CA that signed the cluster's certificate (the operator's or a private CA). When set, only
         * it is trusted for the cluster's HTTPS; when absent, the JVM's default trust store is used.
         */
        Optional<String> caFile();
    }

    interface Retrieval {
        /** Searches go to this alias; the versioned index behind it can be swapped. */
        String indexAlias();

        /**
         * The alias points at {@code <alias>-v<version>}. A new mapping means a new version: the index is created,
         * the alias moves to it, and the indexer (whose consumer group carries the version) replays the chunk
         * topic into it.
         */
        int indexVersion();

        int shards();

        int replicas();

        @WithDefault("5")
        int defaultK();

        @WithDefault("50")
        int maxK();

        /** Age at which the recency boost has fallen to half (a gauss decay on published_at). */
        @WithDefault("3d")
        Duration recencyScale();

        /** Share of the score the recency boost controls: 0 ignores age, 1 lets an old story fall to zero. */
        @WithDefault("0.5")
        double recencyWeight();

        /** Candidates fetched per requested passage, for the recency re-ordering and duplicate collapse. */
        @WithDefault("4")
        int candidateFactor();

        /** How often the index's document count and size are read for the metrics (one cheap _stats call). */
        @WithDefault("30s")
        Duration statsInterval();

        /** The Cantonese colloquial -> written Chinese table for the lexical leg (classpath: or a file path). */
        @WithDefault("classpath:query/yue-to-written.tsv")
        String colloquialTable();

        /** The Chinese <-> English glossary of Hong Kong news terms for cross-lingual search. */
        @WithDefault("classpath:query/hk-bilingual-glossary.tsv")
        String glossary();

        /**
         * Also compute the query vector from the translated query, not only the lexical leg's: on the evaluation set
         * vector recall@5 went from 0.63 to 0.76 and hybrid from 0.79 to 0.83 (./hk bench retrieval).
         */
        @WithDefault("true")
        boolean translateVectorQuery();

        Hybrid hybrid();

        Embedding embedding();
    }

    interface Hybrid {
        /** The OpenSearch search pipeline that normalizes and combines the BM25 and k-NN scores. */
        @WithDefault("hkgai-hybrid")
        String pipeline();

        /** min_max | l2 (see the neural-search normalization-processor). */
        @WithDefault("min_max")
        String normalization();

        /**
         * Weight of the BM25 leg in the arithmetic mean; the vector leg gets the rest. 0.7 measured best of 0.5/0.7
         * on the evaluation set (hybrid recall@5 0.83 / 0.84): the lexical leg carries the glossary and colloquial
         * rewriting, the vectors mostly add paraphrases.
         */
        @WithDefault("0.7")
        double lexicalWeight();

        /**
         * Candidates the HNSW search keeps (Lucene's k, i.e. its ef_search): with k = 5 recall against exact search
         * was ~0.8 on this corpus size, with 100 ~1.0 (see FACTS.md).
         */
        @WithDefault("100")
        int knnCandidates();
    }

    interface Embedding {
        /** Off: lexical search only, and chunks are indexed without vectors. */
        @WithDefault("true")
        boolean enabled();

        /** DJL's cache (native libraries are extracted there); empty: ${java.io.tmpdir}/hkgai-djl. */
        Optional<String> cacheDir();

        @WithDefault("32")
        int maxBatch();

        /** Query vectors kept (LRU); popular questions during an event repeat a lot. 0 disables the cache. */
        @WithDefault("2048")
        int queryCacheSize();

        /** ONNX Runtime threads per run; 0: its default. */
        @WithDefault("0")
        int intraOpThreads();

        /** How often chunks indexed without a vector (the model was not loaded yet) are looked for and filled in. */
        @WithDefault("15s")
        Duration backfillInterval();
    }
}
