package hk.hkgai.gateway.client;

import io.grpc.StatusRuntimeException;

/**
 * A downstream service answered that the request itself was wrong (INVALID_ARGUMENT, NOT_FOUND, ...). The
 * service is healthy, so this must not count towards its circuit breaker (a caller sending bad requests would
 * otherwise open it for everyone); it is mapped to the caller's 4xx like any other status.
 */
public final class DownstreamRejected extends RuntimeException {
    private final StatusRuntimeException status;

    DownstreamRejected(StatusRuntimeException status) {
        super(status.getMessage(), status, false, false);
        this.status = status;
    }

    public StatusRuntimeException status() {
        return status;
    }

    /** The failure as the circuit breaker should see it. */
    static Throwable classify(Throwable t) {
        if (t instanceof StatusRuntimeException sre) {
            switch (sre.getStatus().getCode()) {
                case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, OUT_OF_RANGE, PERMISSION_DENIED, UNAUTHENTICATED:
                    return new DownstreamRejected(sre);
                default:
                    return t;
            }
        }
        return t;
    }
}
