package io.modelatlas.catalog;

import java.util.Objects;

/** Thrown when a request exceeds a model's limits and the caller asked to refuse such requests ({@code --strict}). */
public final class LimitExceededException extends RuntimeException {
    private final transient Fit fit;

    public LimitExceededException(String offering, Fit fit) {
        super(offering + " " + Objects.requireNonNull(fit, "fit").describe() + "; the provider would refuse this request");
        if (!fit.exceeds()) {
            throw new IllegalArgumentException("a request that does not exceed a limit is not refused: " + fit.describe());
        }
        this.fit = fit;
    }

    public Fit fit() {
        return fit;
    }
}
