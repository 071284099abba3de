package hk.hkgai.safety.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The semantic classifier layer (bge-small-zh-v1.5 embeddings + softmax regression). */
@ConfigMapping(prefix = "hkgai.safety.classifier")
public interface ClassifierConfig {
    /** Off only to diagnose; the lexicon, personal-data and jailbreak layers run either way. */
    @WithDefault("true")
    boolean enabled();

    /** A model JSON written by {@code ./hk safety train}; absent: the one bundled in the jar. */
    Optional<String> modelFile();

    /**
     * P(some harm) at or above which the top harmful label's policy action applies (refuse for most). Chosen on
     * the training examples' five-fold held-out scores (printed by {@code ./hk safety train}): the lowest
     * threshold whose held-out flag rate on harmless examples stays under the 2 % over-refusal budget, never on the
     * benchmark. For the bundled model (two token tables and character n-grams) on 3,791 examples, half of the
     * 1,792 newest hard negatives: 1.5 % flagged at 0.8, catching 48 % of harmful ones; 0.75 would flag 2.6 %.
     */
    @WithDefault("0.8")
    double actThreshold();

    /** P(some harm) at or above which, below {@link #actThreshold()}, the answer is guided to be careful. */
    @WithDefault("0.6")
    double cautionThreshold();

    /** ONNX Runtime threads per embedding; one keeps a short input fast without stealing the other cores. */
    @WithDefault("1")
    int intraOpThreads();

    /** DJL's cache (extracted native libraries); absent: {@code java.io.tmpdir}/hkgai-djl. */
    Optional<String> cacheDir();
}
