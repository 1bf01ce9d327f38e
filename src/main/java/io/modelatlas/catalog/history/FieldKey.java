package io.modelatlas.catalog.history;

import java.util.Objects;

/**
 * One tracked field: a model-level field ({@code offering} empty: limits, status) or a price of one offering
 * ({@code openai/gpt-4.1}, field {@code input} or {@code batch.output} or {@code input>200000}).
 */
public record FieldKey(String modelId, String offering, String field) implements Comparable<FieldKey> {
    public FieldKey {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(offering, "offering");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public int compareTo(FieldKey o) {
        int c = modelId.compareTo(o.modelId);
        if (c == 0) {
            c = offering.compareTo(o.offering);
        }
        return c == 0 ? field.compareTo(o.field) : c;
    }
}
