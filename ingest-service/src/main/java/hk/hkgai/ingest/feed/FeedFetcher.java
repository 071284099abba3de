package hk.hkgai.ingest.feed;

import hk.hkgai.ingest.feed.FetchResult.Validators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Conditional GET of feed documents with the JDK HTTP client. Asynchronous so that one slow feed never
 * holds a thread; bounded in time (the whole exchange, body included, not just the headers) and in size.
 */
public class FeedFetcher {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.9, */*;q=0.5";
    /** Query parameters whose value may be a credential (masked wherever a feed URL is shown). */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)(?<=^|&)([^&=]*(?:key|token|secret|password|passwd|sig|signature|auth|session)[^&=]*)=[^&]*");

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBytes;
    private final String userAgent;

    /** @param executor for the client's callbacks; null: the client's own (a cached pool) */
    public FeedFetcher(Duration connectTimeout, Duration requestTimeout, int maxBytes, String userAgent, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/1.1: the client's default h2c upgrade on plain http trips up some older feed servers.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (executor != null) {
            builder.executor(executor);
        }
        this.client = builder.build();
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
    }

    /**
     * Fetches {@code uri}; completes with {@link FetchResult}, or exceptionally with a {@link FeedFetchException}
     * (never any other exception type).
     */
    public CompletableFuture<FetchResult> fetch(URI uri, Validators validators) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT);
        validators.etag().ifPresent(v -> request.header("If-None-Match", v));
        validators.lastModified().ifPresent(v -> request.header("If-Modified-Since", v));

        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = client.sendAsync(request.build(), info -> info.statusCode() == 200
                    ? new LimitedBody(maxBytes)
                    : HttpResponse.BodySubscribers.replacing(null));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new FeedFetchException("io", "invalid request: " + e.getMessage()));
        }
        // HttpRequest.timeout covers the wait for the headers only; a server that trickles the body
        // would hold the poll forever, so the whole exchange gets the same deadline.
        // orTimeout on a copy, then cancel the original: only cancel() aborts the HTTP exchange itself.
        CompletableFuture<HttpResponse<byte[]>> bounded = exchange.copy().orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        bounded.whenComplete((r, e) -> {
            if (e != null) {
                exchange.cancel(true);
            }
        });
        return bounded.handle((response, error) -> {
            if (error != null) {
                throw classify(unwrap(error), uri);
            }
            return toResult(response, uri);
        });
    }

    private static FetchResult toResult(HttpResponse<byte[]> response, URI uri) {
        int status = response.statusCode();
        if (status == 304) {
            return new FetchResult.NotModified();
        }
        if (status != 200) {
            String family = status >= 500 && status < 600 ? "http_5xx" : status >= 400 && status < 500 ? "http_4xx" : "http_other";
            throw new FeedFetchException(family, "HTTP " + status + " from " + display(uri));
        }
        var headers = response.headers();
        return new FetchResult.Fetched(response.body(), headers.firstValue("Content-Type"),
                new Validators(headers.firstValue("ETag"), headers.firstValue("Last-Modified")));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static FeedFetchException classify(Throwable e, URI uri) {
        if (e instanceof FeedFetchException f) {
            return f;
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new FeedFetchException("timeout", "connect timeout to " + uri.getHost());
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return new FeedFetchException("timeout", "no complete response from " + display(uri) + " in time");
        }
        if (e instanceof ConnectException) {
            return new FeedFetchException("connect", "cannot connect to " + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
        if (e instanceof CancellationException) {
            return new FeedFetchException("timeout", "fetch of " + display(uri) + " cancelled");
        }
        if (e instanceof IOException) {
            return new FeedFetchException("io", "I/O error fetching " + display(uri) + ": " + e);
        }
        return new FeedFetchException("io", "fetching " + display(uri) + " failed: " + e, e);
    }

    /**
     * The URL as logs, dead-letter headers and GET /v1/feeds show it: without user info and with the values of
     * credential-like query parameters masked, the two places where a feed URL may carry a secret
     * (https://user:pass@..., ?apikey=...). Other parameters (dataType=warnsum&lang=tc) stay readable.
     */
    public static String display(URI uri) {
        if (uri.getHost() == null) {
            return uri.getScheme() + ":(opaque)";
        }
        String query = uri.getRawQuery() == null ? "" : "?" + SECRET_PARAM.matcher(uri.getRawQuery()).replaceAll("$1=***");
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + query;
    }

    /** Collects the body up to {@code max} bytes; beyond that it cancels the download and fails. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (buffer.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new FeedFetchException("too_large", "feed document larger than " + max + " bytes"));
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                buffer.writeBytes(bytes);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
