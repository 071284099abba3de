package hk.hkgai.inference.backend.onnx;

import hk.hkgai.contracts.inference.v1.FinishReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Collects one job's tokens, deltas and finish for assertions. */
final class CollectingSink implements DecodeJob.Sink {
    final List<Long> tokens = new CopyOnWriteArrayList<>();
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final CompletableFuture<FinishReason> finished = new CompletableFuture<>();
    final CountDownLatch firstText = new CountDownLatch(1);
    volatile int completionTokens;

    @Override
    public void text(String delta, int completionTokens) {
        deltas.add(delta);
        firstText.countDown();
    }

    @Override
    public void finish(FinishReason reason, int promptTokens, int completionTokens) {
        this.completionTokens = completionTokens;
        finished.complete(reason);
    }

    @Override
    public void fail(Throwable failure) {
        finished.completeExceptionally(failure);
    }

    @Override
    public void token(long id) {
        tokens.add(id);
    }

    FinishReason await() throws Exception {
        return finished.get(60, TimeUnit.SECONDS);
    }

    long[] tokenArray() {
        return tokens.stream().mapToLong(Long::longValue).toArray();
    }

    String text() {
        return String.join("", deltas);
    }
}
