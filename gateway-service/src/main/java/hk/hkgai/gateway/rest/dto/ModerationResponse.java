package hk.hkgai.gateway.rest.dto;

import java.util.List;
import java.util.Map;

/**
 * POST /v1/moderations in OpenAI's schema: one result per input with {@code flagged}, {@code categories} and
 * {@code category_scores}, keyed by this deployment's policy category ids (e.g. {@code weapons_drugs},
 * {@code jailbreak}); {@code action} (allow | guide | refuse | redact) and the policy version
 * are added.
 */
public record ModerationResponse(String id, String model, List<Result> results) {

    public record Result(boolean flagged, Map<String, Boolean> categories, Map<String, Double> categoryScores,
                         String action, String policyVersion) {
    }
}
