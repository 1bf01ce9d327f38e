package io.modelatlas.catalog.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A change as the store keeps it for the changes feed: the catalog version that made it, when that version was
 * recorded, and the source that gave the new value (the old one for what is gone; several joined by ", " for a new or
 * removed model whose fields came from more than one).
 */
public record RecordedChange(long version, Instant recordedAt, String source, CatalogChange change) {
    public RecordedChange {
        if (version < 1) {
            throw new IllegalArgumentException("a recorded change belongs to a catalog version (1 or more), got " + version);
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(change, "change");
    }
}
