package hk.hkgai.inference.service;

/** The request names a model this worker does not serve (gRPC NOT_FOUND). */
public class ModelNotFoundException extends RuntimeException {
    public ModelNotFoundException(String model, String kind) {
        super("unknown " + kind + " model '" + model + "'");
    }
}
