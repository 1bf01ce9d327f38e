package io.modelatlas.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a figure came from: the source ({@code litellm}, {@code models.dev}, {@code openrouter}, {@code overlay},
 * a benchmark table), the key or path inside it, and the date of the source's content.
 */
public record Provenance(String source, String key, LocalDate asOf) {
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** e.g. {@code models.dev openai/gpt-4.1 (2026-07-02)}. */
    public String describe() {
        return source + " " + key + " (" + asOf + ")";
    }
}
