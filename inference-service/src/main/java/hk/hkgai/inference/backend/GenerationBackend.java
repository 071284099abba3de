package hk.hkgai.inference.backend;

import io.smallrye.mutiny.Multi;
import java.util.List;

/**
 * One way of producing text: the extractive composer today, an ONNX causal LM or an OpenAI-compatible upstream
 * later. A backend only produces text; model routing, stop strings, max_tokens, usage and metrics are applied
 * around it by {@link hk.hkgai.inference.service.GenerationService}, the same for every backend.
 */
public interface GenerationBackend {
    /** The backend's name as listed in ListModels ("extractive", "onnx", "openai-upstream"). */
    String name();

    /** The chat models this backend serves. */
    List<ModelCard> models();

    /**
     * Streams the answer as text deltas. Nothing should happen before subscription, heavy work must not run on
     * the caller's (event-loop) thread, and cancelling the subscription must stop the work. A backend may end
     * the stream with {@link Delta#finish(hk.hkgai.contracts.inference.v1.FinishReason)}; a stream that simply
     * completes counts as STOP.
     */
    Multi<Delta> generate(GenerationRequest request);

    /**
     * True when the backend counts real tokens: it then enforces max_tokens itself (finishing with LENGTH) and
     * reports {@link Delta#usage()}; the service's estimate is not applied on top.
     */
    default boolean countsTokens() {
        return false;
    }
}
