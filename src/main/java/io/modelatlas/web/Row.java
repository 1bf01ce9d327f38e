package io.modelatlas.web;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Provenance;
import java.util.List;
import java.util.function.Function;

/**
 * A labelled figure ready to show: its text, where it came from ({@code source}, shown on hover and as a footnote),
 * and other sources' differing values. Templates only print rows; they never compute.
 */
public record Row(String label, String text, String source, List<String> alsoReported) {
    public Row {
        alsoReported = List.copyOf(alsoReported);
    }

    public static Row of(String label, String text) {
        return new Row(label, text, null, List.of());
    }

    public static Row of(String label, String text, Provenance p) {
        return new Row(label, text, p == null ? null : p.describe(), List.of());
    }

    public static <T> Row of(String label, Fact<T> fact, Function<T, String> text) {
        if (fact == null) {
            return new Row(label, "unknown", null, List.of());
        }
        return new Row(label, text.apply(fact.value()), fact.source().describe(),
                fact.disagreements().stream()
                        .map(a -> text.apply(a.value()) + " per " + a.source().describe() + (fact.isNewer(a) ? ", newer" : "")).toList());
    }
}
