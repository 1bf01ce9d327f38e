package io.modelatlas.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One published score of one model on one {@link Leaderboard}. The score is parsed from the published text and
 * keeps its scale, so {@link #scoreText()} is that text exactly.
 *
 * @param snapshot      the dated snapshot the publisher scored ({@code 20241022}) when the catalog folds it into
 *                      the model, else null: part of which model was scored, not of how
 * @param variant       how it was run: reasoning effort, thinking budget, edit format ({@code ""} for the default).
 *                      Two models' scores compare only within one variant.
 * @param publishedName the model's name exactly as the leaderboard prints it
 * @param lower         the lower 95% bound where the publisher gives one, else null
 * @param upper         the upper 95% bound where the publisher gives one, else null
 * @param source        the file, commit and line the figure was copied from, and the leaderboard's date
 */
public record LeaderboardScore(String benchmarkId, String modelId, String snapshot, String variant, String publishedName, BigDecimal score,
                               BigDecimal lower, BigDecimal upper, Provenance source) {
    public LeaderboardScore {
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(publishedName, "publishedName");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(source, "source");
        variant = variant == null ? "" : variant;
        snapshot = snapshot == null || snapshot.isBlank() ? null : snapshot;
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("a score has both 95% bounds or neither: " + publishedName);
        }
    }

    /** The score exactly as published. */
    public String scoreText() {
        return score.toPlainString();
    }

    /** True when the two scores' 95% intervals overlap: the publisher cannot tell them apart. */
    public boolean tiesWith(LeaderboardScore other) {
        return lower != null && other.lower != null && lower.compareTo(other.upper) <= 0 && other.lower.compareTo(upper) <= 0;
    }

    /** The variant and snapshot in words, empty for the default configuration. */
    public String configuration() {
        String s = snapshot == null ? "" : "snapshot " + snapshot;
        return variant.isEmpty() ? s : s.isEmpty() ? variant : s + "; " + variant;
    }
}
