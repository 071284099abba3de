package hk.hkgai.safety.service;

import hk.hkgai.contracts.safety.v1.CategoryHit;

/** One detector firing for one category. Evidence is short and never holds raw personal data. */
public record Hit(String category, String layer, float score, String evidence) {
    public CategoryHit toProto() {
        return CategoryHit.newBuilder().setCategory(category).setLayer(layer).setScore(score).setEvidence(evidence).build();
    }
}
