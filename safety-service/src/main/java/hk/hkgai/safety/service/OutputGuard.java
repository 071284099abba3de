package hk.hkgai.safety.service;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.safety.v1.OutputChunk;
import hk.hkgai.contracts.safety.v1.OutputVerdict;
import hk.hkgai.safety.pii.PiiDetector;
import hk.hkgai.safety.policy.PolicyAction;
import hk.hkgai.text.Lang;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks generated text as it streams. Text is released a sentence at a time: the unfinished tail is held
 * back, so a phrase or a phone number split across deltas is seen whole before anything of it is released.
 * Only `refuse` and `redact` apply to output (guidance is for the prompt, not the answer).
 */
@ApplicationScoped
public class OutputGuard {
    private static final String SENTENCE_ENDS = "。！？；!?;\n";
    /** A tail longer than this is released even without a sentence end, so a stream never stalls. */
    private static final int MAX_HELD_CHARS = 400;

    private final PolicyEvaluator evaluator;

    public OutputGuard(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Session open() {
        return new Session();
    }

    /** The state of one output stream. Not thread-safe: one stream's chunks arrive in order. */
    public final class Session {
        private final StringBuilder text = new StringBuilder();
        private int released;
        private boolean refused;
        private Evaluation last;

        public String policyVersion() {
            return evaluator.policy().version();
        }

        public boolean refused() {
            return refused;
        }

        public Evaluation lastEvaluation() {
            return last;
        }

        public OutputVerdict accept(OutputChunk chunk) {
            if (refused) {
                return OutputVerdict.newBuilder().setAction(Action.ACTION_REFUSE).build();
            }
            text.append(chunk.getTextDelta());
            int cut = chunk.getEnd() ? text.length() : releasableEnd();
            if (cut <= released) {
                return OutputVerdict.newBuilder().setAction(Action.ACTION_ALLOW).build();
            }
            // Evaluate everything up to the cut, so a phrase spanning released and new text is still seen.
            last = evaluator.evaluate(text.substring(0, cut));
            PolicyAction action = last.action();
            if (action == PolicyAction.REFUSE) {
                refused = true;
                Lang lang = Lang.fromCode(chunk.getLanguage()).orElse(Lang.EN);
                OutputVerdict.Builder v = OutputVerdict.newBuilder().setAction(Action.ACTION_REFUSE)
                        .setMessage(evaluator.policy().refusal(lang));
                last.hits().forEach(h -> v.addHits(h.toProto()));
                return v.build();
            }
            String piece = text.substring(released, cut);
            released = cut;
            var pii = PiiDetector.find(piece, PiiDetector.names());
            OutputVerdict.Builder v = OutputVerdict.newBuilder()
                    .setAction(pii.isEmpty() ? Action.ACTION_ALLOW : Action.ACTION_REDACT)
                    .setSafeText(pii.isEmpty() ? piece : PiiDetector.redact(piece, pii));
            last.hits().stream().filter(h -> h.layer().equals("pii")).forEach(h -> v.addHits(h.toProto()));
            return v.build();
        }

        private int releasableEnd() {
            for (int i = text.length() - 1; i >= released; i--) {
                if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                    return i + 1;
                }
            }
            if (text.length() - released > MAX_HELD_CHARS) {
                int end = text.length();
                // Never cut between the two halves of a surrogate pair.
                return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
            }
            return released;
        }
    }
}
