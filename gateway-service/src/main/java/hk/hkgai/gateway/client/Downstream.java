package hk.hkgai.gateway.client;

import hk.hkgai.gateway.error.ApiException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Turns a downstream gRPC failure into the API error a client should see. */
public final class Downstream {
    private Downstream() {
    }

    public static RuntimeException toApi(String service, Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof DownstreamRejected rejected) {
            failure = rejected.status();
        }
        Status status = failure instanceof StatusRuntimeException sre ? sre.getStatus() : Status.fromThrowable(failure);
        return switch (status.getCode()) {
            case INVALID_ARGUMENT -> ApiException.badRequest(null, status.getDescription());
            case NOT_FOUND -> ApiException.notFound("model_not_found", status.getDescription());
            case RESOURCE_EXHAUSTED -> ApiException.unavailable("The " + service + " service is at capacity. Please retry shortly.");
            default -> ApiException.unavailable("The " + service + " service is unavailable (" + status.getCode() + "). Please retry.");
        };
    }
}
