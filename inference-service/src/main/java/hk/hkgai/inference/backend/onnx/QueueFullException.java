package hk.hkgai.inference.backend.onnx;

/** The decode queue is full: the caller should shed the request (RESOURCE_EXHAUSTED), not wait. */
public final class QueueFullException extends RuntimeException {
    public QueueFullException(int capacity) {
        super("the ONNX model's queue is full (" + capacity + " waiting); retry later");
    }
}
