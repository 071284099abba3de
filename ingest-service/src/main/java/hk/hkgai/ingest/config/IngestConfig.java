package hk.hkgai.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hkgai.ingest")
public interface IngestConfig {
    /**
     * The feed list: {@code classpath:<resource>} or a file path. In it, {@code ${self}} stands for this
     * service's own HTTP base URL (the local profile replays fixture feeds from /fixtures).
     */
    @WithDefault("classpath:feeds/local.yaml")
    String feedsFile();

    /** What {@code ${self}} means in feed URLs; absent: http://<quarkus.http.host>:<actual port>. */
    Optional<String> selfBaseUrl();

    Poller poller();

    Push push();

    ChunkSettings chunk();

    interface Poller {
        /** Off: no feed is polled (the push API and the processor still run). */
        @WithDefault("true")
        boolean enabled();

        /** Delay before the first poll of each feed (polls are spread by feed index on top of it). */
        @WithDefault("1s")
        Duration initialDelay();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole fetch: connect, headers and body. */
        @WithDefault("20s")
        Duration requestTimeout();

        /** Longest wait between two polls of a failing feed. */
        @WithDefault("15m")
        Duration maxBackoff();

        /** A feed document larger than this is rejected (no feed of news headlines is this big). */
        @WithDefault("8388608")
        int maxFeedBytes();

        /** Doc ids remembered per feed to skip unchanged entries; a feed lists far fewer at a time. */
        @WithDefault("5000")
        int seenPerFeed();

        /** Threads that parse feeds and start publishing; fetches themselves are asynchronous. */
        @WithDefault("2")
        int threads();

        @WithDefault("HKGAI-ingest/0.1 (+https://hkgai.example/bot)")
        String userAgent();
    }

    interface Push {
        /** Larger bodies are answered 413. */
        @WithDefault("1048576")
        int maxBodyBytes();

        @WithDefault("500")
        int maxDocuments();

        /** How long POST /v1/documents waits for Kafka to acknowledge every document before answering 503. */
        @WithDefault("30s")
        Duration ackTimeout();
    }

    interface ChunkSettings {
        /** ~1 token per character for bge on Chinese. */
        @WithDefault("350")
        int chineseMaxChars();

        /** ~1.3 tokens per English word. */
        @WithDefault("900")
        int englishMaxChars();

        @WithDefault("1")
        int overlapSentences();
    }
}
