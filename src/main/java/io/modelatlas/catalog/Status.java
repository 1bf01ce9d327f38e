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

    /**
     * ", shuts down on D" before the announced day, ", shut down on D" from that day on (as of {@code today}: a page
     * must not announce as coming a shutdown that has happened); empty when no day is announced.
     */
    public String shutdownClause(LocalDate today) {
        if (deprecationDate == null) {
            return "";
        }
        return (deprecationDate.isAfter(today) ? ", shuts down on " : ", shut down on ") + deprecationDate;
    }
}
