package hk.hkgai.inference.backend;

import hk.hkgai.contracts.inference.v1.FinishReason;

/** A piece of generated text, or (with {@code finish} set) the backend's own end of the answer. */
public record Delta(String text, FinishReason finish) {
    public static Delta text(String text) {
        return new Delta(text, null);
    }

    public static Delta finish(FinishReason reason) {
        return new Delta("", reason);
    }
}
