package io.modelatlas.catalog.history;

import java.time.LocalDate;
import java.util.Objects;

/** The value a catalog holds for a field, with the source that gave it and the date of that source's content. */
public record Observation(FieldKey key, String value, String source, LocalDate asOf) {
    public Observation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
    }
}
