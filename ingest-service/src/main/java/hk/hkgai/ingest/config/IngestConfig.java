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

    Items items();

    ChunkSettings chunk();

    Tokenizer tokenizer();

    Dedup dedup();

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

        /** Longest wait between two polls of a failing feed (while its circuit is still closed). */
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

        /**
         * At most this many bytes of an unparseable feed document are copied into its dead letter (enough to
         * see what the server sent; the dead-letter topic is no archive).
         */
        @WithDefault("65536")
        int deadLetterBodyBytes();

        Circuit circuit();
    }

    /**
     * Per-feed circuit breaker. Backoff already slows a failing feed down; the circuit adds a clear state for
     * operators (GET /v1/feeds, hkgai_ingest_feed_circuit_state) and a fixed cool-down after which exactly one
     * probe poll decides whether the feed is back.
     */
    interface Circuit {
        /** Consecutive failed polls that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit waits before its half-open probe. */
        @WithDefault("5m")
        Duration openDuration();
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

    /** What a single item may be; anything else is dead-lettered with a reason code. */
    interface Items {
        /**
         * Title plus text longer than this (UTF-16 chars) is "too_large". It also keeps every item that reaches
         * the raw topic well under Kafka's 1 MB message limit (3 bytes per CJK character).
         */
        @WithDefault("100000")
        int maxChars();

        /** A published date further in the future than this (from when the item was received) is "future_date". */
        @WithDefault("1h")
        Duration maxFuture();
    }

    /** Chunk sizes, in tokens of the embedding model's own tokenizer (see text.Chunker). */
    interface ChunkSettings {
        /** What the embedding model reads per chunk, title included: big enough for context, small enough to stay on topic. */
        @WithDefault("256")
        int targetTokens();

        /** Share of the target repeated from the end of one chunk at the start of the next. */
        @WithDefault("0.15")
        double overlapRatio();

        /** The model's window, special tokens included (bge-small-zh-v1.5: 512); never exceeded. */
        @WithDefault("512")
        int modelMaxTokens();
    }

    /** The bge-small-zh-v1.5 tokenizer (same file and same preparation as inference-service's embedder). */
    interface Tokenizer {
        /** DJL's cache: the tokenizer's native library is extracted there. Default: ${java.io.tmpdir}/hkgai-djl. */
        Optional<String> cacheDir();

        /** A tokenizer.json on disk to use instead of the one bundled in the classpath. */
        Optional<String> file();
    }

    /**
     * Duplicate detection over a bounded in-memory window of recent items (lost on restart: see
     * dedup.DedupWindow for why that is acceptable).
     */
    interface Dedup {
        @WithDefault("true")
        boolean enabled();

        /** Items remembered. */
        @WithDefault("20000")
        int windowSize();

        /** Items older than this (since they were processed) are forgotten. */
        @WithDefault("72h")
        Duration windowAge();

        /**
         * Largest Hamming distance (of 64 bits) between two SimHashes that still makes them near-duplicates.
         * 6, not the 3 usual for web pages: news items are short (a few hundred characters), and on a 240-character
         * story one changed character already moves 0-7 bits (3 or fewer only two times in three), a Simplified copy
         * with one reworded phrase 4 bits, a dropped sentence 6; different stories measured 22 and more apart
         * (DedupTest). Short templated bulletins are kept apart by min-chars instead.
         */
        @WithDefault("6")
        int maxDistance();

        /**
         * Items with fewer folded characters than this never join a near-duplicate cluster: in a headline, one
         * changed word (Amber -> Red) is a different story but only a few bits of SimHash.
         */
        @WithDefault("60")
        int minChars();
    }
}
