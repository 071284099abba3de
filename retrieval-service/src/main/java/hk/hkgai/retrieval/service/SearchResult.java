package hk.hkgai.retrieval.service;

import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.retrieval.v1.SearchMode;
import java.util.List;

/** Passages best first, the mode actually used (hybrid degrades to lexical), and the rewritten lexical query. */
public record SearchResult(List<Passage> passages, SearchMode mode, String rewrittenQuery) {
}
