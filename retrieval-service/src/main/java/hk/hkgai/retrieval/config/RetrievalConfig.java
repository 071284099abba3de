package hk.hkgai.retrieval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

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
    }

    interface Retrieval {
        /** Searches and writes go to this alias; the versioned index behind it can be swapped. */
        String indexAlias();

        /** The alias points at {@code <alias>-v<version>}. A new mapping means a new version and a reindex. */
        int indexVersion();

        int shards();

        int replicas();

        @WithDefault("5")
        int defaultK();

        @WithDefault("50")
        int maxK();

        /** Half-life-like scale of the recency boost for time-sensitive questions. */
        @WithDefault("3d")
        String recencyScale();
    }
}
