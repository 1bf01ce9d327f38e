package io.modelatlas.catalog.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One change a refresh observed between two catalogs, dated the day it was observed. {@code offering} is empty for
 * model-level changes; {@code before} is null for what is new and {@code after} null for what is gone. Values are the
 * plain text of {@link Observations} (USD per 1M tokens, token counts, status text), formatted only when shown.
 */
public record CatalogChange(LocalDate observed, Kind kind, String modelId, String offering, String field, String before, String after) {
    /**
     * {@code MOVED}: an offering now listed under another model (a dated snapshot split off or folded in);
     * {@code before} and {@code after} are the two model ids.
     */
    public enum Kind { NEW_MODEL, REMOVED_MODEL, MOVED, PRICE, LIMIT, STATUS }

    public CatalogChange {
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(offering, "offering");
        Objects.requireNonNull(field, "field");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change of " + modelId + " " + field + " needs a value before or after");
        }
    }
}
