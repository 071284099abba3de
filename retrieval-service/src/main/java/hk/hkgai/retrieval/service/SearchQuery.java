package hk.hkgai.retrieval.service;

import hk.hkgai.contracts.retrieval.v1.SearchMode;
import java.time.Instant;
import java.util.List;

/** A validated search: what the gRPC request asked for, with defaults applied. */
public record SearchQuery(String text, int k, List<String> sources, List<String> languages,
                          Instant publishedAfter, Instant publishedBefore, boolean preferRecent,
                          SearchMode mode, boolean includeDuplicates) {
}
