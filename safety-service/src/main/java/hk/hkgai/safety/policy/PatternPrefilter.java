package hk.hkgai.safety.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Multi-pattern prefilter: one Aho-Corasick pass over a text finds every required literal of every policy pattern
 * (see {@link RequiredLiterals}), and only patterns whose literal occurs, plus those without one, are run. A
 * policy of hundreds of regular expressions then costs one linear scan plus the few that can match.
 */
final class PatternPrefilter {
    private final Trie trie;
    private final Map<String, int[]> patternsByLiteral;
    private final BitSet alwaysRun;
    private final int size;

    PatternPrefilter(List<String> patterns) {
        Map<String, List<Integer>> byLiteral = new HashMap<>();
        BitSet always = new BitSet(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            Set<String> literals = RequiredLiterals.of(patterns.get(i));
            if (literals == null) {
                always.set(i);
            } else {
                for (String l : literals) {
                    byLiteral.computeIfAbsent(l, k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<String, int[]> index = new HashMap<>();
        byLiteral.forEach((l, ids) -> index.put(l, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.patternsByLiteral = Map.copyOf(index);
        this.trie = Trie.builder().addKeywords(byLiteral.keySet()).build();
        this.alwaysRun = always;
        this.size = patterns.size();
    }

    /** Indexes of the patterns that can match this text. */
    BitSet candidates(String text) {
        BitSet out = (BitSet) alwaysRun.clone();
        if (!patternsByLiteral.isEmpty()) {
            for (Emit e : trie.parseText(text)) {
                for (int i : patternsByLiteral.get(e.getKeyword())) {
                    out.set(i);
                }
            }
        }
        return out;
    }

    /** How many patterns have no required literal and always run (reported at load). */
    int alwaysRunCount() {
        return alwaysRun.cardinality();
    }

    int size() {
        return size;
    }
}
