package io.modelatlas.catalog;

import java.time.LocalDate;
import java.util.Objects;

/** Lifecycle, the model that replaces it (an id in the catalog) and the announced shutdown date, when known. */
public record Status(Lifecycle lifecycle, String successorId, LocalDate deprecationDate) {
    public Status {
        Objects.requireNonNull(lifecycle, "lifecycle");
        if (lifecycle == Lifecycle.SUPERSEDED && successorId == null) {
            throw new IllegalArgumentException("a superseded model needs a successor");
        }
    }

    public static Status current() {
        return new Status(Lifecycle.CURRENT, null, null);
    }
}
