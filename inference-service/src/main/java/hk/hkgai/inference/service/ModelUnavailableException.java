package hk.hkgai.inference.service;

/** The model exists but cannot serve now: disabled, or it failed to load (gRPC UNAVAILABLE). */
public class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
