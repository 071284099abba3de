package hk.hkgai.inference.backend.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.SamplingParams;
import hk.hkgai.contracts.inference.v1.Usage;
import hk.hkgai.inference.backend.Delta;
import hk.hkgai.inference.backend.GenerationBackend;
import hk.hkgai.inference.backend.GenerationRequest;
import hk.hkgai.inference.backend.ModelCard;
import hk.hkgai.inference.config.InferenceConfig;
import hk.hkgai.inference.service.ModelUnavailableException;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Passes generation through to an OpenAI-compatible server (vLLM, SGLang, TGI, ...) that serves the full-size
 * model, streaming its deltas as they come. The stretch until the first token is guarded by SmallRye Fault
 * Tolerance (a timeout, retries of retryable failures, a circuit breaker): nothing has reached the client yet,
 * so another attempt is invisible. After the first token no retry happens (the client would see text twice);
 * a stalled stream fails after the idle timeout, and a client that leaves cancels the upstream request.
 */
@ApplicationScoped
public class OpenAiUpstreamBackend implements GenerationBackend {
    public static final String NAME = "openai-upstream";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InferenceConfig.Upstream config;
    private final Map<String, String> models;
    private final HttpClient client;
    private final TypedGuard<Uni<Void>> guard;
    private final ScheduledExecutorService timers;

    @Inject
    public OpenAiUpstreamBackend(InferenceConfig config) {
        this(config.upstream());
    }

    public OpenAiUpstreamBackend(InferenceConfig.Upstream config) {
        this.config = config;
        boolean enabled = config.baseUrl().filter(u -> !u.isBlank()).isPresent();
        if (enabled && config.models().isEmpty()) {
            throw new IllegalStateException("hkgai.inference.upstream.base-url is set but no models are mapped: set "
                    + "hkgai.inference.upstream.models.<our-id>=<upstream model name>");
        }
        this.models = enabled ? Map.copyOf(config.models()) : Map.of();
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Void>>() { })
                .withTimeout().duration(config.firstTokenTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(config.retries()).delay(config.retryBackoff().toMillis(), ChronoUnit.MILLIS)
                .retryOn(List.of(UpstreamFailure.class, IOException.class, TimeoutException.class,
                        org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class)).done()
                .withCircuitBreaker().requestVolumeThreshold(config.circuitFailures()).failureRatio(1.0)
                .delay(config.circuitOpenFor().toMillis(), ChronoUnit.MILLIS).successThreshold(1)
                .skipOn(UpstreamFailure.Rejected.class).done()
                .build();
        this.timers = enabled ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upstream-idle-timer");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ModelCard> models() {
        return models.keySet().stream().sorted().map(id -> ModelCard.chat(id, NAME)).toList();
    }

    /** The upstream counts tokens and applies max_tokens; its usage chunk is passed on. */
    @Override
    public boolean countsTokens() {
        return true;
    }

    @Override
    public Multi<Delta> generate(GenerationRequest request) {
        String upstreamModel = models.get(request.model());
        byte[] body = body(upstreamModel, request.messages(), request.params());
        return Multi.createFrom().emitter(emitter -> {
            Exchange exchange = new Exchange(emitter, body);
            emitter.onTermination(exchange::cancel);
            guard.get(exchange::attempt).subscribe().with(ignored -> { }, exchange::failBeforeFirstToken);
        });
    }

    static byte[] body(String model, List<ChatMessage> messages, SamplingParams p) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode turns = body.putArray("messages");
        for (ChatMessage m : messages) {
            turns.addObject().put("role", m.getRole()).put("content", m.getContent());
        }
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        body.put("temperature", p.getTemperature());
        if (p.getTopP() > 0) {
            body.put("top_p", p.getTopP());
        }
        if (p.getMaxTokens() > 0) {
            body.put("max_tokens", p.getMaxTokens());
        }
        if (p.getStopCount() > 0) {
            ArrayNode stop = body.putArray("stop");
            p.getStopList().forEach(stop::add);
        }
        if (p.hasSeed()) {
            body.put("seed", p.getSeed());
        }
        // vLLM's (and SGLang's) extensions; other servers ignore or reject them, so only when asked for.
        if (p.getTopK() > 0) {
            body.put("top_k", p.getTopK());
        }
        if (p.getRepetitionPenalty() > 0 && p.getRepetitionPenalty() != 1) {
            body.put("repetition_penalty", p.getRepetitionPenalty());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One client request: its attempts, the stream of the attempt that produced a token, its timers. */
    private final class Exchange {
        private final MultiEmitter<? super Delta> emitter;
        private final byte[] body;
        private final SseChunkParser parser = new SseChunkParser();
        private final AtomicReference<Flow.Subscription> current = new AtomicReference<>();
        private volatile boolean firstToken;
        private volatile boolean cancelled;
        private volatile long lastChunkNanos;
        private ScheduledFuture<?> idleCheck;
        private FinishReason finish;
        private Usage usage;

        Exchange(MultiEmitter<? super Delta> emitter, byte[] body) {
            this.emitter = emitter;
            this.body = body;
        }

        /** One attempt; completes at the first token (or at the end of an empty answer). */
        Uni<Void> attempt() {
            return Uni.createFrom().emitter(first -> {
                if (cancelled) {
                    first.complete(null);
                    return;
                }
                HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(config.baseUrl().orElseThrow().replaceAll("/+$", "") + "/chat/completions"))
                        .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                config.apiKey().filter(k -> !k.isBlank()).ifPresent(k -> http.header("Authorization", "Bearer " + k));
                Lines lines = new Lines(first);
                client.sendAsync(http.build(), info -> info.statusCode() == 200
                                ? HttpResponse.BodySubscribers.fromLineSubscriber(lines)
                                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                                        text -> { throw failure(info.statusCode(), text); }))
                        .whenComplete((response, error) -> {
                            if (error != null) {
                                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                        ? error.getCause() : error;
                                lines.failed(cause);
                            }
                        });
                // Timeout or cancellation of this attempt: stop reading it.
                first.onTermination(() -> {
                    if (!firstToken) {
                        Flow.Subscription s = current.getAndSet(null);
                        if (s != null) {
                            s.cancel();
                        }
                    }
                });
            });
        }

        private RuntimeException failure(int status, String text) {
            String snippet = text.length() > 300 ? text.substring(0, 300) : text;
            if (status == 429 || status >= 500) {
                return new UpstreamFailure("the upstream model server answered HTTP " + status + ": " + snippet);
            }
            return new UpstreamFailure.Rejected(status, snippet);
        }

        void failBeforeFirstToken(Throwable failure) {
            if (cancelled) {
                return;
            }
            if (failure instanceof CircuitBreakerOpenException) {
                emitter.fail(new ModelUnavailableException("the upstream model server is failing; its circuit is open"));
            } else if (failure instanceof UpstreamFailure.Rejected r && r.status() == 400) {
                emitter.fail(new IllegalArgumentException(r.getMessage()));
            } else if (failure instanceof UpstreamFailure.Rejected) {
                emitter.fail(new ModelUnavailableException(failure.getMessage()));
            } else {
                emitter.fail(new ModelUnavailableException("the upstream model server did not answer: " + failure.getMessage()));
            }
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = current.getAndSet(null);
            if (s != null) {
                s.cancel();
            }
            if (idleCheck != null) {
                idleCheck.cancel(false);
            }
        }

        private void startIdleCheck() {
            long idle = config.idleTimeout().toNanos();
            lastChunkNanos = System.nanoTime();
            idleCheck = timers.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - lastChunkNanos > idle) {
                    cancel();
                    emitter.fail(new ModelUnavailableException("the upstream stream stalled for more than " + config.idleTimeout()));
                }
            }, Math.max(1, idle / 4), Math.max(1, idle / 4), TimeUnit.NANOSECONDS);
        }

        private void end() {
            if (idleCheck != null) {
                idleCheck.cancel(false);
            }
            emitter.emit(new Delta("", finish, usage));
            emitter.complete();
        }

        /** The lines of one attempt's response body. */
        private final class Lines implements Flow.Subscriber<String> {
            private final UniEmitter<? super Void> first;
            private boolean done;

            Lines(UniEmitter<? super Void> first) {
                this.first = first;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                if (cancelled) {
                    subscription.cancel();
                    return;
                }
                current.set(subscription);
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (done || cancelled) {
                    return;
                }
                lastChunkNanos = System.nanoTime();
                SseChunkParser.Event event;
                try {
                    event = parser.parse(line);
                } catch (UpstreamFailure e) {
                    done = true;
                    Flow.Subscription s = current.getAndSet(null);
                    if (s != null) {
                        s.cancel();
                    }
                    failed(e);
                    return;
                }
                if (event.done()) {
                    done = true;
                    markFirst();
                    end();
                    return;
                }
                event.delta().ifPresent(d -> {
                    if (d.finish() != null) {
                        finish = d.finish();
                    }
                    if (d.usage() != null) {
                        usage = d.usage();
                    }
                    if (!d.text().isEmpty()) {
                        markFirst();
                        emitter.emit(new Delta(d.text(), null, usage));
                    }
                });
            }

            private void markFirst() {
                if (!firstToken) {
                    firstToken = true;
                    startIdleCheck();
                    first.complete(null);
                }
            }

            @Override
            public void onError(Throwable error) {
                failed(error);
            }

            @Override
            public void onComplete() {
                if (!done) { // a server that ends the stream without [DONE]
                    done = true;
                    markFirst();
                    end();
                }
            }

            void failed(Throwable error) {
                if (cancelled) {
                    return;
                }
                if (!firstToken) {
                    done = true;
                    first.fail(error instanceof UpstreamFailure || error instanceof UpstreamFailure.Rejected ? error
                            : new UpstreamFailure("the upstream connection failed: " + error.getMessage(), error));
                } else if (!done) {
                    done = true;
                    cancel();
                    emitter.fail(new ModelUnavailableException("the upstream stream broke after the first token: " + error.getMessage()));
                }
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (timers != null) {
            timers.shutdownNow();
        }
    }
}
