package io.modelatlas.catalog;

import java.util.List;

/** A curated strength: a headline and the points that support it. */
public record Strength(String title, List<String> points) {
    public Strength {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a strength needs a title");
        }
        points = List.copyOf(points);
    }
}
