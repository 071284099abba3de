package hk.hkgai.safety.normalize;

import java.util.List;

/**
 * Whether a text dresses its request up in one of the ways attacks do: it hid its words (look-alike letters, an
 * encoded or split payload: {@link ObfuscationNormalizer#hidesItsWords}), staged a dialogue in which the assistant
 * already complied ({@link StagedDialogue}), claimed authority over the rules ({@link AuthorityClaim}), framed a
 * request for detail as fiction or a hypothesis ({@link FramedRequest}), asked for a passage to be translated
 * and obeyed ({@link TranslateAndAnswer}), claimed the assistant already agreed ({@link PriorAgreement}), or pasted
 * content that speaks to the AI reading it ({@link EmbeddedInstruction}), dismissed the rules it was given
 * ({@link DismissedRules}), asked for its pieces to be put together ({@link AssembledRequest}) or asked how not
 * to be found out ({@link EvasionAsked}). None refuses anything: each only lets the semantic classifier act on a
 * weaker score, because people asking in earnest rarely disguise a question.
 */
public final class Disguise {
    private Disguise() {
    }

    /** {@code views}: the text's readings, the plain (folded) one first ({@link ObfuscationNormalizer#views}). */
    public static boolean of(String text, List<TextView> views) {
        String plain = views.get(0).text();
        return ObfuscationNormalizer.hidesItsWords(text, views) || StagedDialogue.isStaged(text) || AuthorityClaim.claimsFolded(plain)
                || FramedRequest.framesFolded(plain) || TranslateAndAnswer.asksFolded(plain) || PriorAgreement.claimsFolded(plain)
                || EmbeddedInstruction.findsFolded(plain) || DismissedRules.findsFolded(plain) || AssembledRequest.asksFolded(plain)
                || EvasionAsked.asksFolded(plain);
    }
}
