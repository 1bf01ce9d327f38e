package io.modelatlas.catalog.history;

import java.time.LocalDate;
import java.util.Objects;

/** A value a field held from {@code validFrom} until {@code validTo} (null while it still holds). */
public record HistoryEntry(FieldKey key, String value, String source, LocalDate validFrom, LocalDate validTo) {
    public HistoryEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid_to " + validTo + " is before valid_from " + validFrom + " for " + key);
        }
    }

    public boolean open() {
        return validTo == null;
    }
}
