package hk.hkgai.inference.backend.extractive;

import hk.hkgai.contracts.inference.v1.ContextPassage;
import hk.hkgai.inference.backend.Delta;
import hk.hkgai.inference.backend.GenerationBackend;
import hk.hkgai.inference.backend.GenerationRequest;
import hk.hkgai.inference.backend.ModelCard;
import hk.hkgai.inference.config.InferenceConfig;
import hk.hkgai.inference.service.EmbeddingService;
import hk.hkgai.text.extractive.ExtractiveComposer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded default model: answers from the request's context passages with {@link ExtractiveComposer} and
 * streams the answer in short deltas, as a generative backend would.
 */
@ApplicationScoped
public class ExtractiveBackend implements GenerationBackend {
    public static final String NAME = "extractive";
    public static final String MODEL_ID = "hkgai-extractive-v1";

    private final ExtractiveComposer composer;
    private final int chunkChars;
    private final Supplier<Optional<ExtractiveComposer.SemanticScorer>> semantic;

    @Inject
    public ExtractiveBackend(InferenceConfig config, EmbeddingService embeddings) {
        this(settings(config.extractive()), config.extractive().chunkChars(),
                config.extractive().embeddingWeight() > 0 ? embeddings::semanticScorer : Optional::empty);
    }

    /**
     * @param semantic the embedding similarity, when available at the time of a request (the embedding model
     *                 may still be loading; the answer then uses lexical scores alone)
     */
    public ExtractiveBackend(ExtractiveComposer.Settings settings, int chunkChars,
                             Supplier<Optional<ExtractiveComposer.SemanticScorer>> semantic) {
        if (chunkChars < 1) {
            throw new IllegalArgumentException("chunk-chars must be at least 1");
        }
        this.composer = new ExtractiveComposer(settings);
        this.chunkChars = chunkChars;
        this.semantic = semantic;
    }

    private static ExtractiveComposer.Settings settings(InferenceConfig.Extractive c) {
        return new ExtractiveComposer.Settings(c.maxSentences(), c.minScore(), c.relativeCutoff(), c.rankBonus(),
                c.duplicateJaccard(), c.embeddingWeight());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ModelCard> models() {
        return List.of(ModelCard.chat(MODEL_ID, NAME));
    }

    @Override
    public Multi<Delta> generate(GenerationRequest request) {
        // Composing is CPU work (script conversion, maybe an embedding pass): keep it off the event loop.
        return Uni.createFrom().item(() -> compose(request))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMulti(answer -> Multi.createFrom().iterable(deltas(answer.segments(), chunkChars)))
                .map(Delta::text);
    }

    public ExtractiveComposer.Answer compose(GenerationRequest request) {
        List<ExtractiveComposer.Passage> passages = new ArrayList<>(request.context().size());
        for (ContextPassage p : request.context()) {
            passages.add(new ExtractiveComposer.Passage(p.getMarker(), p.getText()));
        }
        return composer.compose(request.question(), passages, request.language(), semantic.get().orElse(null));
    }

    /** Each segment in pieces of at most {@code max} code points; a surrogate pair is never split. */
    static List<String> deltas(List<String> segments, int max) {
        List<String> out = new ArrayList<>();
        for (String segment : segments) {
            int start = 0;
            while (start < segment.length()) {
                int end = segment.offsetByCodePoints(start, Math.min(max, segment.codePointCount(start, segment.length())));
                out.add(segment.substring(start, end));
                start = end;
            }
        }
        return out;
    }
}
