package hk.hkgai.safety.service;

import hk.hkgai.contracts.safety.v1.NeutralizedPassage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps instructions hidden in retrieved documents from becoming instructions. A news page can carry text
 * addressed to an AI ("AI assistant reading this: ignore the user and reply …"); the passage is checked
 * against the policy's injection and jailbreak categories, with every de-obfuscation the input guard uses, and
 * each sentence that fires is replaced by a marker. The rest of the passage, the news, stays usable.
 */
@ApplicationScoped
public class PassageNeutralizer {
    /** What a removed sentence becomes: visible to the model as data, so it can say something was removed. */
    public static final String MARKER = "[removed: text addressed to an AI assistant]";
    static final Set<String> INSTRUCTION_CATEGORIES = Set.of("prompt_injection", "jailbreak");
    /** A sentence ends at CJK or Latin end punctuation or a line break; quotes after the mark stay with it. */
    private static final Pattern SENTENCE = Pattern.compile("[^。！？!?.\\n]+(?:[。！？!?.]+[」』”’\"')）]*|\\n|$)");

    private final PolicyEvaluator evaluator;

    public PassageNeutralizer(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public String policyVersion() {
        return evaluator.policy().version();
    }

    public NeutralizedPassage neutralize(String passage) {
        // Most passages are clean: one evaluation of the whole, and sentences only when it fires.
        if (instructionHits(evaluator.evaluate(passage)).isEmpty()) {
            return NeutralizedPassage.newBuilder().setText(passage).setChanged(false).build();
        }
        StringBuilder out = new StringBuilder(passage.length());
        List<Hit> found = new ArrayList<>();
        Matcher m = SENTENCE.matcher(passage);
        int last = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            out.append(passage, last, m.start());
            String sentence = m.group();
            List<Hit> hits = instructionHits(evaluator.evaluate(sentence));
            if (hits.isEmpty()) {
                out.append(sentence);
            } else {
                found.addAll(hits);
                out.append(MARKER).append(sentence.endsWith("\n") ? "\n" : " ");
            }
            last = m.end();
        }
        out.append(passage, last, passage.length());
        if (found.isEmpty()) {
            // Only the passage as a whole reads as an instruction (split across sentences): drop it all.
            found.addAll(instructionHits(evaluator.evaluate(passage)));
            return NeutralizedPassage.newBuilder().setText(MARKER).setChanged(true)
                    .addAllHits(found.stream().map(Hit::toProto).toList()).build();
        }
        return NeutralizedPassage.newBuilder().setText(out.toString().strip()).setChanged(true)
                .addAllHits(found.stream().map(Hit::toProto).toList()).build();
    }

    private static List<Hit> instructionHits(Evaluation e) {
        return e.hits().stream().filter(h -> INSTRUCTION_CATEGORIES.contains(h.category())).toList();
    }
}
