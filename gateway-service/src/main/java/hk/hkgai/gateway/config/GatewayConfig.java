package hk.hkgai.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "hkgai.gateway")
public interface GatewayConfig {
    Auth auth();

    /** Larger bodies get 413 in the API's error shape. */
    int maxBodyBytes();

    int maxMessages();

    /** The public model name that means "the worker's default model" (what README examples use). */
    @WithDefault("hkgai")
    String defaultModelAlias();

    @WithDefault("32000")
    int maxMessageChars();

    /** Chat answers in flight at once; beyond it requests are shed with 503 (see ChatAdmission). */
    @WithDefault("256")
    int maxConcurrentChats();

    /** Passages retrieved to ground one answer. */
    @WithDefault("5")
    int contextPassages();

    /** Whole-request budget for one chat answer, on top of the per-call gRPC deadlines. */
    @WithDefault("150s")
    Duration chatTimeout();

    Timeouts timeouts();

    /** Per-call deadlines of the downstream gRPC calls. */
    interface Timeouts {
        @WithDefault("3s")
        Duration safety();

        @WithDefault("3s")
        Duration retrieval();

        /** One /v1/embeddings call (up to 256 texts). */
        @WithDefault("30s")
        Duration embedding();

        /** A whole generation stream (and the output check that watches it). */
        @WithDefault("120s")
        Duration generation();
    }

    interface Auth {
        /** JSON file of API keys, hashed (see ApiKeyStore). */
        String keysFile();
    }
}
