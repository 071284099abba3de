package hk.hkgai.safety.service;

import hk.hkgai.contracts.common.v1.ChatMessage;
import java.util.Optional;

/** Builds the guard over the bundled policy without a container, for fast unit tests. */
final class GuardFixtures {
    static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(new PolicyProvider(Optional::empty));

    private GuardFixtures() {
    }

    static ChatMessage user(String text) {
        return ChatMessage.newBuilder().setRole("user").setContent(text).build();
    }
}
