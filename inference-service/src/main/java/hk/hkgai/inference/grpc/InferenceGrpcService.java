package hk.hkgai.inference.grpc;

import hk.hkgai.contracts.inference.v1.EmbedRequest;
import hk.hkgai.contracts.inference.v1.EmbedResponse;
import hk.hkgai.contracts.inference.v1.Embedding;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.InferenceService;
import hk.hkgai.contracts.inference.v1.ListModelsRequest;
import hk.hkgai.contracts.inference.v1.ListModelsResponse;
import hk.hkgai.contracts.inference.v1.ModelInfo;
import hk.hkgai.inference.backend.ModelCard;
import hk.hkgai.embeddings.BgeEmbedder;
import hk.hkgai.inference.service.EmbeddingService;
import hk.hkgai.inference.service.GenerationService;
import hk.hkgai.inference.service.ModelNotFoundException;
import hk.hkgai.inference.service.ModelUnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

@GrpcService
public class InferenceGrpcService implements InferenceService {
    private static final Logger LOG = Logger.getLogger(InferenceGrpcService.class);

    private final GenerationService generation;
    private final EmbeddingService embeddings;

    public InferenceGrpcService(GenerationService generation, EmbeddingService embeddings) {
        this.generation = generation;
        this.embeddings = embeddings;
    }

    @Override
    public Multi<GenerateChunk> generate(GenerateRequest request) {
        try {
            return generation.generate(request).onFailure().transform(InferenceGrpcService::toStatus);
        } catch (RuntimeException e) {
            return Multi.createFrom().failure(toStatus(e));
        }
    }

    @Override
    public Uni<EmbedResponse> embed(EmbedRequest request) {
        // Forward passes are CPU-bound: they run on the embedding pool, never on the event loop.
        return Uni.createFrom().item(() -> embeddings.embed(request.getModel(), request.getTextsList()))
                .runSubscriptionOn(embeddings.executor())
                .map(result -> {
                    EmbedResponse.Builder response = EmbedResponse.newBuilder()
                            .setModel(BgeEmbedder.MODEL_ID).setPromptTokens(result.promptTokens());
                    for (float[] v : result.vectors()) {
                        Embedding.Builder e = Embedding.newBuilder();
                        for (float x : v) {
                            e.addValues(x);
                        }
                        response.addEmbeddings(e);
                    }
                    return response.build();
                })
                .onFailure().transform(InferenceGrpcService::toStatus);
    }

    @Override
    public Uni<ListModelsResponse> listModels(ListModelsRequest request) {
        ListModelsResponse.Builder response = ListModelsResponse.newBuilder();
        Stream.concat(generation.models().stream(), embeddings.models().stream())
                .map(InferenceGrpcService::toProto).forEach(response::addModels);
        return Uni.createFrom().item(response.build());
    }

    private static ModelInfo toProto(ModelCard m) {
        return ModelInfo.newBuilder().setId(m.id()).setKind(m.kind()).setBackend(m.backend()).setOwnedBy(m.ownedBy()).build();
    }

    static Throwable toStatus(Throwable e) {
        if (e instanceof StatusRuntimeException) {
            return e;
        }
        if (e instanceof ModelNotFoundException) {
            return Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof hk.hkgai.inference.backend.onnx.QueueFullException) {
            return Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof ModelUnavailableException) {
            return Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
        }
        LOG.error("inference request failed", e);
        return Status.INTERNAL.withDescription("internal error: " + e.getClass().getSimpleName()).withCause(e).asRuntimeException();
    }
}
