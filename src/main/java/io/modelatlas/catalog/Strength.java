package io.modelatlas.catalog;

import java.util.List;

/**
 * A curated strength: a headline and the points that support it.
 *
 * @param source where the claim comes from: a URL or a named source with its date ("LiteLLM, 2026-07-18"); null when
 *               the claim is the operators' own judgement, which pages and JSON then label editorial
 */
public record Strength(String title, List<String> points, String source) {
    public Strength {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a strength needs a title");
        }
        points = List.copyOf(points);
        source = source == null || source.isBlank() ? null : source;
    }

    /** An editorial strength: the operators' judgement, with no source. */
    public Strength(String title, List<String> points) {
        this(title, points, null);
    }

    /** True when no source backs the claim: it is ModelAtlas's own judgement and is shown labelled "Editorial". */
    public boolean editorial() {
        return source == null;
    }
}
