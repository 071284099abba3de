package hk.hkgai.inference.service;

import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.Usage;
import hk.hkgai.inference.backend.Delta;
import hk.hkgai.inference.backend.GenerationBackend;
import hk.hkgai.inference.backend.GenerationRequest;
import hk.hkgai.inference.backend.ModelCard;
import hk.hkgai.inference.config.InferenceConfig;
import hk.hkgai.text.Lang;
import hk.hkgai.text.LanguageDetector;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Routes a Generate request to the backend serving its model and turns the backend's deltas into the wire
 * stream: stop strings and max_tokens applied ({@link OutputShaper}), every chunk tagged with the model, a last
 * chunk with the finish reason and usage, metrics recorded. Client cancellation cancels the backend.
 */
@ApplicationScoped
public class GenerationService {
    /** More than this is a client bug, not a use case (OpenAI allows 4). */
    static final int MAX_STOP_STRINGS = 16;

    private final Map<String, GenerationBackend> byModel = new LinkedHashMap<>();
    private final String defaultModel;
    private final MeterRegistry registry;

    @Inject
    public GenerationService(@Any Instance<GenerationBackend> backends, InferenceConfig config, MeterRegistry registry) {
        this(backends.stream().toList(), config.defaultModel(), registry);
    }

    public GenerationService(List<GenerationBackend> backends, String defaultModel, MeterRegistry registry) {
        for (GenerationBackend b : backends) {
            for (ModelCard m : b.models()) {
                GenerationBackend previous = byModel.putIfAbsent(m.id(), b);
                if (previous != null) {
                    throw new IllegalStateException("model " + m.id() + " is served by both " + previous.name() + " and " + b.name());
                }
            }
        }
        // Fail at start, not on the first request without a model.
        if (!byModel.containsKey(defaultModel)) {
            throw new IllegalStateException("default model '" + defaultModel + "' is not served; models: " + byModel.keySet());
        }
        this.defaultModel = defaultModel;
        this.registry = registry;
    }

    public List<ModelCard> models() {
        return byModel.values().stream().distinct().flatMap(b -> b.models().stream()).toList();
    }

    /**
     * Validates the request now (throws {@link ModelNotFoundException} or {@link IllegalArgumentException}) and
     * returns the stream, which starts the backend on subscription.
     */
    public Multi<GenerateChunk> generate(GenerateRequest request) {
        String model = request.getModel().isBlank() ? defaultModel : request.getModel();
        GenerationBackend backend = byModel.get(model);
        if (backend == null) {
            throw new ModelNotFoundException(model, "chat");
        }
        String question = lastUserTurn(request.getMessagesList());
        Lang lang = language(request.getLanguage(), question);
        var params = request.getParams();
        if (params.getMaxTokens() < 0) {
            throw new IllegalArgumentException("max_tokens must not be negative");
        }
        if (params.getStopCount() > MAX_STOP_STRINGS) {
            throw new IllegalArgumentException("at most " + MAX_STOP_STRINGS + " stop strings");
        }
        GenerationRequest resolved = new GenerationRequest(request.getRequestId(), model, request.getMessagesList(),
                request.getContextList(), params, lang, question);
        int promptTokens = request.getMessagesList().stream().mapToInt(m -> TokenEstimator.estimate(m.getContent())).sum();
        return Multi.createFrom().deferred(() -> {
            Run run = new Run(backend, resolved, promptTokens); // one per subscription
            return Multi.createFrom().<GenerateChunk>emitter(run::start)
                    // Counted as the client sees the stream end: a client that cancels before the last chunk
                    // reached it counts as cancelled, even if the backend had already finished.
                    .onTermination().invoke((failure, cancelled) -> run.count(
                            cancelled ? "cancelled" : failure != null ? "error" : run.finishReasonName()));
        });
    }

    private static String lastUserTurn(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m.getRole().equalsIgnoreCase("user") && !m.getContent().isBlank()) {
                return m.getContent();
            }
        }
        throw new IllegalArgumentException("messages must contain a non-empty user turn");
    }

    private static Lang language(String code, String question) {
        if (code.isBlank()) {
            return LanguageDetector.detect(question);
        }
        return Lang.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown language '" + code + "' (expected yue, zh-Hant, zh-Hans or en)"));
    }

    /** One stream: the backend subscription, the shaper and the metrics of one request. */
    private final class Run implements MultiSubscriber<Delta> {
        private final GenerationBackend backend;
        private final GenerationRequest request;
        private final int promptTokens;
        private final OutputShaper shaper;
        private final long start = System.nanoTime();
        private final AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private MultiEmitter<? super GenerateChunk> emitter;
        private boolean firstSent;
        private Usage exact; // the backend's own count, when it has one

        Run(GenerationBackend backend, GenerationRequest request, int promptTokens) {
            this.backend = backend;
            this.request = request;
            this.promptTokens = promptTokens;
            this.shaper = new OutputShaper(request.params().getStopList(),
                    backend.countsTokens() ? 0 : request.params().getMaxTokens());
        }

        void start(MultiEmitter<? super GenerateChunk> emitter) {
            this.emitter = emitter;
            // Completion, failure or the client's cancellation: the backend has nothing more to do.
            emitter.onTermination(() -> {
                Flow.Subscription s = upstream.get();
                if (s != null) {
                    s.cancel();
                }
            });
            backend.generate(request).subscribe().withSubscriber(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream.set(subscription);
            if (emitter.isCancelled()) {
                subscription.cancel();
                return;
            }
            // Text is small and the gRPC layer consumes without limit: no need to pace the backend.
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onItem(Delta delta) {
            if (shaper.finished() || emitter.isCancelled()) {
                return;
            }
            if (delta.usage() != null) {
                exact = delta.usage();
            }
            send(shaper.offer(delta.text()));
            if (delta.finish() != null && !shaper.finished()) {
                send(shaper.complete(delta.finish()));
            }
            if (shaper.finished()) {
                upstream.get().cancel(); // a stop string or the budget ended it: the backend can stop working
                end();
            }
        }

        @Override
        public void onFailure(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                emitter.fail(failure);
            }
        }

        @Override
        public void onCompletion() {
            if (!shaper.finished()) {
                send(shaper.complete(null));
            }
            end();
        }

        private void send(String text) {
            if (!text.isEmpty()) {
                markFirst();
                emitter.emit(GenerateChunk.newBuilder().setModel(request.model()).setTextDelta(text).build());
            }
        }

        private void end() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            markFirst();
            int completion = exact != null ? exact.getCompletionTokens() : shaper.completionTokens();
            int prompt = exact != null ? exact.getPromptTokens() : promptTokens;
            DistributionSummary.builder("hkgai.inference.generate.completion.tokens")
                    .description("Completion tokens per answer (estimated for the extractive backend)")
                    .tag("model", request.model()).tag("backend", backend.name()).register(registry).record(completion);
            emitter.emit(GenerateChunk.newBuilder().setModel(request.model()).setFinishReason(shaper.finishReason())
                    .setUsage(Usage.newBuilder().setPromptTokens(prompt).setCompletionTokens(completion))
                    .build());
            emitter.complete();
        }

        private void markFirst() {
            if (!firstSent) {
                firstSent = true;
                Timer.builder("hkgai.inference.generate.first.chunk")
                        .description("Time from request to the first streamed chunk (time to first token)")
                        .tag("model", request.model()).tag("backend", backend.name()).register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }

        String finishReasonName() {
            FinishReason reason = shaper.finishReason();
            return reason == null ? "none" : reason.name().substring("FINISH_REASON_".length()).toLowerCase(Locale.ROOT);
        }

        void count(String finishReason) {
            registry.counter("hkgai.inference.generate.requests", "model", request.model(), "finish_reason", finishReason)
                    .increment();
        }
    }
}
