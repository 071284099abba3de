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
import hk.hkgai.safety.service.PassageNeutralizer;
import hk.hkgai.contracts.safety.v1.PassagesRequest;
import hk.hkgai.contracts.safety.v1.PassagesVerdict;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

    private final Timer inputCheck;
    private final PassageNeutralizer passages;

    public SafetyGrpcService(InputGuard inputGuard, OutputGuard outputGuard, PassageNeutralizer passages,
                             DecisionPublisher decisions, MeterRegistry registry) {
        this.inputGuard = inputGuard;
        this.passages = passages;
        this.outputGuard = outputGuard;
        this.decisions = decisions;
        // Client-side percentiles too, so `./hk bench safety` can read the guard's own p50/p99 without the
        // network or the gateway in the figure.
        this.inputCheck = Timer.builder("hkgai.safety.check").description("Time the guard spends deciding on one input")
                .tag("stage", "input").publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public Uni<Verdict> checkInput(CheckInputRequest request) {
        return Uni.createFrom().item(() -> {
            long start = System.nanoTime();
            Verdict verdict;
            try {
                verdict = inputGuard.check(request.getTenant(), request.getMessagesList());
            } catch (IllegalArgumentException e) {
                throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
            }
            long elapsed = System.nanoTime() - start;
            inputCheck.record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
            decisions.publish(request.getRequestId(), request.getTenant(), "input", verdict.getAction(),
                    verdict.getHitsList(), verdict.getLanguage(), verdict.getPolicyVersion(), elapsed / 1000);
            return verdict;
        });
    }

    @Override
    public Uni<PassagesVerdict> neutralizePassages(PassagesRequest request) {
        return Uni.createFrom().item(() -> {
            long start = System.nanoTime();
            PassagesVerdict.Builder verdict = PassagesVerdict.newBuilder().setPolicyVersion(passages.policyVersion());
            List<hk.hkgai.contracts.safety.v1.CategoryHit> hits = new java.util.ArrayList<>();
            for (String p : request.getPassagesList()) {
                hk.hkgai.contracts.safety.v1.NeutralizedPassage n = passages.neutralize(p);
                verdict.addPassages(n);
                hits.addAll(n.getHitsList());
            }
            if (!hits.isEmpty()) {
                decisions.publish(request.getRequestId(), request.getTenant(), "passages", Action.ACTION_REDACT, hits,
                        "", passages.policyVersion(), (System.nanoTime() - start) / 1000);
            }
            return verdict.build();
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
        List<hk.hkgai.contracts.safety.v1.CategoryHit> hits = last == null ? List.of()
                : last.hits().stream().map(hk.hkgai.safety.service.Hit::toProto).toList();
        Action action = session.refused() ? Action.ACTION_REFUSE
                : last != null && !last.pii().isEmpty() ? Action.ACTION_REDACT : Action.ACTION_ALLOW;
        decisions.publish(first.getRequestId(), first.getTenant(), "output", action, hits, first.getLanguage(),
                session.policyVersion(), (System.nanoTime() - start) / 1000);
    }
}
