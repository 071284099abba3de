package hk.hkgai.gateway.client;

import io.grpc.Status;
import java.util.function.Predicate;

/**
 * A failure worth retrying: the service could not be reached (UNAVAILABLE: connection refused or reset). A
 * deadline exceeded is not retried (the budget is spent), and nothing the service answered is either.
 */
public final class TransientFailure implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable t) {
        return Status.fromThrowable(t).getCode() == Status.Code.UNAVAILABLE;
    }
}
