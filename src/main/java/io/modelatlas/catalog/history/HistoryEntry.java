package io.modelatlas.catalog.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A value a field held from {@code validFrom} until {@code validTo} (null while it still holds). The store's rows
 * are dated by observation: the day a catalog version showed the value. {@code dating} says where each date comes
 * from; a provider's dated price (see {@link DatedHistory}) may leave the start unknown, and only then is
 * {@code validFrom} null.
 */
public record HistoryEntry(FieldKey key, String value, String source, LocalDate validFrom, LocalDate validTo, Dating dating) {
    public HistoryEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dating, "dating");
        if (validFrom == null && !dating.fromProvider()) {
            throw new IllegalArgumentException("an observed value has a valid_from: " + key);
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid_to " + validTo + " is before valid_from " + validFrom + " for " + key);
        }
    }

    /** A value the store observed: both dates are the days catalog versions showed the change. */
    public HistoryEntry(FieldKey key, String value, String source, LocalDate validFrom, LocalDate validTo) {
        this(key, value, source, validFrom, validTo, Dating.OBSERVED);
    }

    public boolean open() {
        return validTo == null;
    }

    /**
     * Where the dates of an entry come from: the provider's own date of a price change (its pricing page, as
     * genai-prices carries it), or the day the store observed the change. {@code citation} is the dated source's key
     * (genai-prices' {@code openai/o3 citing https://...}: the provider page it cites), or
     * null when neither date is the provider's.
     */
    public record Dating(boolean fromProvider, boolean toProvider, String citation) {
        public static final Dating OBSERVED = new Dating(false, false, null);
    }
}
