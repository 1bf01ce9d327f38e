package io.modelatlas.check;

import io.modelatlas.catalog.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * One checked claim of an article.
 *
 * @param line       1-based line of the article (of the text a person reads, for HTML input)
 * @param column     1-based column where the claim's figure starts
 * @param text       the claim as written (the figure and the words around it that carry its meaning)
 * @param models     catalog ids of the models the claim is about, subject first
 * @param stated     the figure as the article states it, normalised ("$0.40 per 1M input tokens")
 * @param actual     the catalog's figure, or null when the catalog has none
 * @param correction for a wrong claim, the right sentence; else null
 * @param sources    where the catalog's figure comes from (every source when they disagree)
 */
public record Claim(int line, int column, String text, ClaimKind kind, List<String> models, String stated, String actual,
                    Verdict verdict, String correction, List<Provenance> sources) {
    public Claim {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stated, "stated");
        Objects.requireNonNull(verdict, "verdict");
        models = List.copyOf(models);
        sources = List.copyOf(sources);
        if (verdict == Verdict.WRONG && actual == null) {
            throw new IllegalArgumentException("a wrong claim must say what is right: " + text);
        }
    }
}
