package io.modelatlas.pricing;

import java.util.Objects;

/**
 * A long-context price step: once a request's total input tokens pass {@code threshold}, every token of
 * that kind in the request is billed at {@code rate} (not only the tokens above the threshold).
 */
public record Tier(long threshold, TokenRate rate) {
    public Tier {
        if (threshold <= 0) {
            throw new IllegalArgumentException("tier threshold must be positive: " + threshold);
        }
        Objects.requireNonNull(rate, "rate");
    }
}
