package hk.hkgai.gateway.health;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness that reflects the mesh, from the state of each gRPC channel (asking a channel for its state also
 * makes an idle one connect; nothing is sent, so probes cost the services nothing). The gateway is not ready
 * while the safety guard is unreachable: every answer would be a 503, so traffic is better sent to a replica
 * that can reach one. Retrieval and inference being unreachable only degrades answers (the orchestrator falls
 * back), so they are reported but do not take the gateway out of service.
 */
@Readiness
@ApplicationScoped
public class MeshReadiness implements HealthCheck {
    private final Channel safety;
    private final Channel retrieval;
    private final Channel inference;

    public MeshReadiness(@GrpcClient("safety") Channel safety, @GrpcClient("retrieval") Channel retrieval,
                         @GrpcClient("inference") Channel inference) {
        this.safety = safety;
        this.retrieval = retrieval;
        this.inference = inference;
    }

    @Override
    public HealthCheckResponse call() {
        ConnectivityState guard = state(safety);
        HealthCheckResponseBuilder r = HealthCheckResponse.named("mesh")
                .withData("safety", guard.name())
                .withData("retrieval", state(retrieval).name())
                .withData("inference", state(inference).name());
        return r.status(reachable(guard)).build();
    }

    private static boolean reachable(ConnectivityState s) {
        return s != ConnectivityState.TRANSIENT_FAILURE && s != ConnectivityState.SHUTDOWN;
    }

    private static ConnectivityState state(Channel channel) {
        // Quarkus' default gRPC client channel is a ManagedChannel; anything else cannot be probed this way.
        return channel instanceof ManagedChannel managed ? managed.getState(true) : ConnectivityState.IDLE;
    }
}
