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

    /**
     * True when both name the same listing: the same key, whichever source read it ({@code openai/gpt-4.1-mini} in
     * models.dev and in OpenRouter's list, which names the creator's model with the creator's id). genai-prices' keys
     * add the page they cite ({@code openai/gpt-4.1 citing https://...}), which is not part of the listing. Keys a
     * source spells its own way (LiteLLM's bare {@code gpt-4.1-mini}) do not match: no claim is better than a wrong one.
     */
    public boolean sameListing(Provenance other) {
        return listing().equals(other.listing());
    }

    private String listing() {
        int citing = key.indexOf(" citing ");
        return citing < 0 ? key : key.substring(0, citing);
    }

    /** e.g. {@code models.dev openai/gpt-4.1 (2026-07-02)}. */
    public String describe() {
        return source + " " + key + " (" + asOf + ")";
    }
}
