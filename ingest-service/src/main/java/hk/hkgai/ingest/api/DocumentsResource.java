package hk.hkgai.ingest.api;

import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.config.IngestConfig;
import hk.hkgai.ingest.service.NewsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/documents}: internal pushers hand documents to the pipeline. Answers 202 with the doc
 * ids only once Kafka acknowledged every one of them (acks=all), so an accepted document is never lost;
 * on a broker failure it answers 503 and the pusher retries (same ids: a partial first attempt is harmless).
 */
@Path("/v1/documents")
public class DocumentsResource {
    private static final Logger LOG = Logger.getLogger(DocumentsResource.class);

    private final NewsPublisher publisher;
    private final PushRequestParser parser;
    private final IngestConfig.Push config;
    private final MeterRegistry registry;

    public DocumentsResource(NewsPublisher publisher, IngestConfig config, MeterRegistry registry) {
        this.publisher = publisher;
        this.config = config.push();
        this.parser = new PushRequestParser(this.config.maxDocuments());
        this.registry = registry;
    }

    public record Accepted(List<String> ids) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // reads the body as a stream, bounded
    public CompletionStage<Response> push(InputStream body, @HeaderParam("Content-Length") Long contentLength) {
        List<NewsItem> items;
        try {
            if (contentLength != null && contentLength > config.maxBodyBytes()) {
                throw tooLarge();
            }
            items = parser.parse(readBounded(body, config.maxBodyBytes()), Instant.now());
        } catch (ApiException e) {
            registry.counter("hkgai_ingest_push_rejected_total", "code", String.valueOf(e.code())).increment();
            throw e;
        }
        CompletableFuture<?>[] acks = items.stream().map(publisher::publish).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(acks)
                .orTimeout(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        LOG.warnf("push of %d documents not acknowledged by Kafka: %s", items.size(),
                                cause instanceof TimeoutException ? "timed out after " + config.ackTimeout() : cause.toString());
                        registry.counter("hkgai_ingest_push_rejected_total", "code", "broker_unavailable").increment();
                        throw new ApiException(503, ApiException.API_ERROR,
                                "The document queue is unavailable; nothing is guaranteed to be stored. Retry the same request later.",
                                null, "broker_unavailable");
                    }
                    registry.counter("hkgai_ingest_push_documents_total").increment(items.size());
                    return Response.accepted(new Accepted(items.stream().map(NewsItem::getDocId).toList())).build();
                });
    }

    private static byte[] readBounded(InputStream in, int max) {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 64 * 1024));
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) != -1) {
                if (out.size() + n > max) {
                    throw tooLarge(max);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.invalid("The request body could not be read: " + e.getMessage(), null, "invalid_body");
        }
    }

    private ApiException tooLarge() {
        return tooLarge(config.maxBodyBytes());
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, ApiException.INVALID_REQUEST,
                "The request body is larger than " + max + " bytes. Send fewer or shorter documents per request.",
                null, "request_too_large");
    }
}
