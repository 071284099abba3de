package hk.hkgai.gateway.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Where the ops page's status endpoint looks. The services' HTTP base URLs (their {@code /q/health/ready}); the
 * defaults are the local ports of {@code ./hk up}, and {@code ./hk} passes the real ones
 * ({@code HKGAI_GATEWAY_OPS_SAFETY_URL}, ...). Ingest's defaults to the URL the gateway already pushes documents to.
 */
@ConfigMapping(prefix = "hkgai.gateway.ops")
public interface OpsConfig {
    @WithDefault("http://127.0.0.1:8101")
    String safetyUrl();

    @WithDefault("http://127.0.0.1:8102")
    String retrievalUrl();

    @WithDefault("http://127.0.0.1:8103")
    String inferenceUrl();

    @WithDefault("${quarkus.rest-client.ingest.url:http://127.0.0.1:8104}")
    String ingestUrl();

    /** Budget of one health call (connect included); a service slower than this is reported DOWN. */
    @WithDefault("2s")
    Duration healthTimeout();

    /** Budget of Kafka's describeCluster. */
    @WithDefault("2s")
    Duration kafkaTimeout();

    /** The request rate is averaged over this window (sampled every 5 s). */
    @WithDefault("60s")
    Duration rateWindow();
}
