package hk.hkgai.retrieval.service;

import java.time.Duration;
import java.time.Instant;

/**
 * The recency boost for time-sensitive questions, applied to the fused score of the candidates:
 * {@code score * ((1 - w) + w * decay(age))} with a gauss decay that is 0.5 at {@code scale}. Done here rather
 * than in OpenSearch because a hybrid query's legs are normalized separately; boosting after fusion keeps one
 * rule for lexical, vector and hybrid search. With w = 0.5 a story a month old keeps half its relevance, so a
 * clearly better old match still beats a weak new one, while among similar matches the newest wins.
 */
public final class RecencyRanker {
    private final double scaleSeconds;
    private final double weight;

    public RecencyRanker(Duration scale, double weight) {
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("recency weight must be between 0 and 1");
        }
        this.scaleSeconds = Math.max(1, scale.toSeconds());
        this.weight = weight;
    }

    public double boost(double score, Instant published, Instant now) {
        if (published == null) {
            return score * (1 - weight);
        }
        double age = Math.max(0, now.getEpochSecond() - published.getEpochSecond()) / scaleSeconds;
        double decay = Math.exp(Math.log(0.5) * age * age);
        return score * ((1 - weight) + weight * decay);
    }
}
