package hk.hkgai.gateway.client;

import hk.hkgai.contracts.inference.v1.EmbedRequest;
import hk.hkgai.contracts.inference.v1.EmbedResponse;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.inference.v1.ListModelsRequest;
import hk.hkgai.contracts.inference.v1.ListModelsResponse;
import hk.hkgai.contracts.inference.v1.MutinyInferenceServiceGrpc.MutinyInferenceServiceStub;
import hk.hkgai.contracts.retrieval.v1.MutinyRetrievalServiceGrpc.MutinyRetrievalServiceStub;
import hk.hkgai.contracts.retrieval.v1.SearchRequest;
import hk.hkgai.contracts.retrieval.v1.SearchResponse;
import hk.hkgai.contracts.safety.v1.CheckInputRequest;
import hk.hkgai.contracts.safety.v1.PassagesRequest;
import hk.hkgai.contracts.safety.v1.PassagesVerdict;
import hk.hkgai.contracts.safety.v1.MutinySafetyServiceGrpc.MutinySafetyServiceStub;
import hk.hkgai.contracts.safety.v1.OutputChunk;
import hk.hkgai.contracts.safety.v1.OutputVerdict;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.gateway.config.GatewayConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The gateway's gRPC calls, each with its own deadline set per call (a deadline set once on an injected
 * stub is absolute and would expire for every later call). The unary calls are idempotent, so a call that could
 * not reach its service is retried once, and each has a circuit breaker (SmallRye Fault Tolerance; its state is
 * exported as ft_circuitbreaker_* metrics): a service that keeps failing is not called again for a while, and
 * requests fail fast instead of queueing. Generation is a stream and is never retried here: the orchestrator
 * falls back to an extractive answer instead.
 */
@ApplicationScoped
public class MeshClients {
    private final MutinySafetyServiceStub safety;
    private final MutinyRetrievalServiceStub retrieval;
    private final MutinyInferenceServiceStub inference;
    private final GatewayConfig.Timeouts timeouts;

    public MeshClients(@GrpcClient("safety") MutinySafetyServiceStub safety,
                       @GrpcClient("retrieval") MutinyRetrievalServiceStub retrieval,
                       @GrpcClient("inference") MutinyInferenceServiceStub inference,
                       GatewayConfig config) {
        this.safety = safety;
        this.retrieval = retrieval;
        this.inference = inference;
        this.timeouts = config.timeouts();
    }

    @Retry(maxRetries = 1, delay = 50)
    @RetryWhen(exception = TransientFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = DownstreamRejected.class)
    public Uni<Verdict> checkInput(CheckInputRequest request) {
        return safety.withDeadlineAfter(millis(timeouts.safety()), TimeUnit.MILLISECONDS).checkInput(request)
                .onFailure().transform(DownstreamRejected::classify);
    }

    @Retry(maxRetries = 1, delay = 50)
    @RetryWhen(exception = TransientFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = DownstreamRejected.class)
    public Uni<PassagesVerdict> neutralizePassages(PassagesRequest request) {
        return safety.withDeadlineAfter(millis(timeouts.safety()), TimeUnit.MILLISECONDS).neutralizePassages(request)
                .onFailure().transform(DownstreamRejected::classify);
    }

    /** The output check lives as long as the generation it watches. */
    public Multi<OutputVerdict> checkOutput(Multi<OutputChunk> chunks) {
        return safety.withDeadlineAfter(millis(timeouts.generation()), TimeUnit.MILLISECONDS).checkOutput(chunks);
    }

    @Retry(maxRetries = 1, delay = 50)
    @RetryWhen(exception = TransientFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = DownstreamRejected.class)
    public Uni<SearchResponse> search(SearchRequest request) {
        return retrieval.withDeadlineAfter(millis(timeouts.retrieval()), TimeUnit.MILLISECONDS).search(request)
                .onFailure().transform(DownstreamRejected::classify);
    }

    public Multi<GenerateChunk> generate(GenerateRequest request) {
        return inference.withDeadlineAfter(millis(timeouts.generation()), TimeUnit.MILLISECONDS).generate(request);
    }

    @Retry(maxRetries = 1, delay = 50)
    @RetryWhen(exception = TransientFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = DownstreamRejected.class)
    public Uni<EmbedResponse> embed(EmbedRequest request) {
        return inference.withDeadlineAfter(millis(timeouts.embedding()), TimeUnit.MILLISECONDS).embed(request)
                .onFailure().transform(DownstreamRejected::classify);
    }

    @Retry(maxRetries = 1, delay = 50)
    @RetryWhen(exception = TransientFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = DownstreamRejected.class)
    public Uni<ListModelsResponse> listModels() {
        return inference.withDeadlineAfter(millis(timeouts.retrieval()), TimeUnit.MILLISECONDS).listModels(ListModelsRequest.getDefaultInstance())
                .onFailure().transform(DownstreamRejected::classify);
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }
}
