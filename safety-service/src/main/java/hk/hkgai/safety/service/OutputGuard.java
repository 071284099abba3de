package hk.hkgai.safety.service;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.safety.v1.OutputChunk;
import hk.hkgai.contracts.safety.v1.OutputVerdict;
import hk.hkgai.safety.pii.PiiDetector;
import hk.hkgai.safety.policy.CompiledPolicy;
import hk.hkgai.safety.policy.PolicyAction;
import hk.hkgai.text.Lang;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks generated text as it streams, with a sliding window: everything generated so far is evaluated, and text
 * is released up to the last sentence end or up to {@value #WINDOW} characters before the end, whichever is later.
 * A phrase shorter than the window is therefore complete in the evaluated text before any of it is released, and
 * a personal-data match is never cut in two (the cut moves to its start). Text without sentence ends (English,
 * code, a random-weight model) still streams, in steps of at least {@value #MIN_STEP} characters.
 * Only `refuse` and `redact` apply to output (guidance is for the prompt, not the answer).
 */
@ApplicationScoped
public class OutputGuard {
    private static final String SENTENCE_ENDS = "。！？；!?;\n";
    /** Released text re-read with each new piece: longer than any policy pattern can span. */
    static final int LOOKBACK = 512;
    /** The tail held back when there is no sentence end: longer than any policy phrase or personal-data pattern. */
    static final int WINDOW = 64;
    /** Without a sentence end, release (and re-evaluate) only once this much more can go. */
    static final int MIN_STEP = 16;

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
        private CompiledPolicy policy; // the tenant's, fixed at the first chunk for the whole stream

        public String policyVersion() {
            return policy == null ? evaluator.policy().version() : policy.version();
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
            if (policy == null) {
                policy = evaluator.policy().forTenant(chunk.getTenant());
            }
            text.append(chunk.getTextDelta());
            int cut = chunk.getEnd() ? text.length() : releasableEnd();
            if (cut <= released) {
                return OutputVerdict.newBuilder().setAction(Action.ACTION_ALLOW).build();
            }
            // Evaluate the held tail with the last LOOKBACK characters already released, so a phrase spanning the
            // cut is seen whole; the whole answer once at its end. Re-reading everything at every step would make
            // a long answer cost quadratic time.
            last = evaluator.evaluate(chunk.getEnd() ? text.toString() : text.substring(windowStart()), policy);
            PolicyAction action = last.action();
            if (action == PolicyAction.REFUSE) {
                refused = true;
                Lang lang = Lang.fromCode(chunk.getLanguage()).orElse(Lang.EN);
                OutputVerdict.Builder v = OutputVerdict.newBuilder().setAction(Action.ACTION_REFUSE)
                        .setMessage(policy.refusal(lang));
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

        private int windowStart() {
            int start = Math.max(0, released - LOOKBACK);
            return start > 0 && Character.isLowSurrogate(text.charAt(start)) ? start - 1 : start;
        }

        private int releasableEnd() {
            int cut = released;
            for (int i = text.length() - 1; i >= released; i--) {
                if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                    cut = i + 1;
                    break;
                }
            }
            int slide = text.length() - WINDOW;
            if (slide - released >= MIN_STEP && slide > cut) {
                cut = slide;
                // Never cut between the two halves of a surrogate pair.
                if (Character.isLowSurrogate(text.charAt(cut))) {
                    cut--;
                }
            }
            if (cut <= released) {
                return released;
            }
            // Never cut through personal data: what is released must be redacted whole.
            for (var m : PiiDetector.find(text.substring(released), PiiDetector.names())) {
                if (released + m.start() < cut && cut < released + m.end()) {
                    cut = released + m.start();
                }
            }
            return cut;
        }
    }
}
