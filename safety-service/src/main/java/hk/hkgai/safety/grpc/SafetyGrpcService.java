package hk.hkgai.safety.grpc;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.safety.v1.CheckInputRequest;
import hk.hkgai.contracts.safety.v1.OutputChunk;
import hk.hkgai.contracts.safety.v1.OutputVerdict;
import hk.hkgai.contracts.safety.v1.SafetyService;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.safety.service.DecisionPublisher;
import hk.hkgai.safety.service.Evaluation;
import hk.hkgai.safety.service.InputGuard;
import hk.hkgai.safety.service.OutputGuard;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

@GrpcService
public class SafetyGrpcService implements SafetyService {
    private final InputGuard inputGuard;
    private final OutputGuard outputGuard;
    private final DecisionPublisher decisions;

    public SafetyGrpcService(InputGuard inputGuard, OutputGuard outputGuard, DecisionPublisher decisions) {
        this.inputGuard = inputGuard;
        this.outputGuard = outputGuard;
        this.decisions = decisions;
    }

    @Override
    public Uni<Verdict> checkInput(CheckInputRequest request) {
        return Uni.createFrom().item(() -> {
            long start = System.nanoTime();
            Verdict verdict;
            try {
                verdict = inputGuard.check(request.getMessagesList());
            } catch (IllegalArgumentException e) {
                throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
            }
            decisions.publish(request.getRequestId(), request.getTenant(), "input", verdict.getAction(),
                    verdict.getHitsList().stream().map(h -> h.getCategory()).distinct().toList(),
                    verdict.getLanguage(), verdict.getPolicyVersion(), (System.nanoTime() - start) / 1000);
            return verdict;
        });
    }

    @Override
    public Multi<OutputVerdict> checkOutput(Multi<OutputChunk> chunks) {
        OutputGuard.Session session = outputGuard.open();
        AtomicReference<OutputChunk> first = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        long start = System.nanoTime();
        return chunks
                .invoke(c -> first.compareAndSet(null, c))
                .map(session::accept)
                // After a refusal nothing more is released; the client has been told to stop.
                .select().first(v -> !stopped.getAndSet(v.getAction() == Action.ACTION_REFUSE))
                .onCompletion().invoke(() -> publishOutput(first.get(), session, start));
    }

    private void publishOutput(OutputChunk first, OutputGuard.Session session, long start) {
        if (first == null) {
            return;
        }
        Evaluation last = session.lastEvaluation();
        List<String> categories = last == null ? List.of() : last.categoryIds();
        Action action = session.refused() ? Action.ACTION_REFUSE
                : last != null && !last.pii().isEmpty() ? Action.ACTION_REDACT : Action.ACTION_ALLOW;
        decisions.publish(first.getRequestId(), first.getTenant(), "output", action, categories, first.getLanguage(),
                session.policyVersion(), (System.nanoTime() - start) / 1000);
    }
}
