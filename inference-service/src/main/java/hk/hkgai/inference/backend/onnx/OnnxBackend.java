package hk.hkgai.inference.backend.onnx;

import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.inference.backend.Delta;
import hk.hkgai.inference.backend.GenerationBackend;
import hk.hkgai.inference.backend.GenerationRequest;
import hk.hkgai.inference.backend.ModelCard;
import hk.hkgai.inference.config.InferenceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Serves an ONNX causal LM from a model folder when {@code hkgai.inference.onnx.model-dir} is set. Loaded at
 * start ({@link Startup}), so a bad folder stops the worker with the folder's problem instead of failing
 * requests later. Prompts are rendered with the model's chat template and decoded by the {@link DecodeLoop}.
 */
@Startup
@ApplicationScoped
public class OnnxBackend implements GenerationBackend {
    public static final String NAME = "onnx";
    private static final Logger LOG = Logger.getLogger(OnnxBackend.class);

    private final Optional<OnnxLmEngine> engine;

    @Inject
    public OnnxBackend(InferenceConfig config, MeterRegistry registry) {
        this(open(config, registry));
    }

    public OnnxBackend(Optional<OnnxLmEngine> engine) {
        this.engine = engine;
    }

    private static Optional<OnnxLmEngine> open(InferenceConfig config, MeterRegistry registry) {
        InferenceConfig.Onnx c = config.onnx();
        if (c.modelDir().isEmpty() || c.modelDir().get().isBlank()) {
            return Optional.empty();
        }
        Path cacheDir = config.embedding().cacheDir().filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "hkgai-djl"));
        OnnxLmEngine.Options options = new OnnxLmEngine.Options(Path.of(c.modelDir().get()),
                c.chatTemplateFile().filter(s -> !s.isBlank()).map(Path::of), c.device(), c.intraOpThreads(),
                new DecodeLoop.Limits(c.maxBatch(), c.maxQueue(), c.maxContext(), c.prefillTokens()),
                c.defaultMaxTokens(), cacheDir);
        long start = System.nanoTime();
        OnnxLmEngine engine = OnnxLmEngine.open(c.modelId(), options, registry);
        ModelFolder.Architecture a = engine.folder().architecture();
        LOG.infof("ONNX model %s loaded from %s in %d ms on %s: %s, %d layers, %d kv heads x %d, vocabulary %d",
                c.modelId(), c.modelDir().get(), (System.nanoTime() - start) / 1_000_000, c.device(), a.modelType(),
                a.layers(), a.kvHeads(), a.headDim(), engine.vocab());
        return Optional.of(engine);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ModelCard> models() {
        return engine.map(e -> List.of(ModelCard.chat(e.modelId(), NAME))).orElse(List.of());
    }

    @Override
    public boolean countsTokens() {
        return true;
    }

    public Optional<OnnxLmEngine> engine() {
        return engine;
    }

    @Override
    public Multi<Delta> generate(GenerationRequest request) {
        OnnxLmEngine e = engine.orElseThrow(() -> new IllegalStateException("no ONNX model is loaded"));
        return Multi.createFrom().<Delta>emitter(emitter -> {
            // Templating and tokenizing are CPU work: on a worker thread (runSubscriptionOn), not the event loop.
            long[] prompt = e.encode(e.prompt(request.messages()));
            int maxNew = e.maxNewTokens(request.params().getMaxTokens(), prompt.length);
            DecodeJob job = new DecodeJob(prompt, e.sampling(request.params()), maxNew, new DecodeJob.Sink() {
                @Override
                public void text(String delta, int completionTokens) {
                    emitter.emit(new Delta(delta, null, Delta.usage(prompt.length, completionTokens)));
                }

                @Override
                public void finish(FinishReason reason, int promptTokens, int completionTokens) {
                    emitter.emit(new Delta("", reason, Delta.usage(promptTokens, completionTokens)));
                    emitter.complete();
                }

                @Override
                public void fail(Throwable failure) {
                    emitter.fail(failure);
                }
            });
            emitter.onTermination(job::cancel); // the client went away or a stop string ended it: free the row
            e.submit(job);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @PreDestroy
    void close() {
        engine.ifPresent(OnnxLmEngine::close);
    }
}
