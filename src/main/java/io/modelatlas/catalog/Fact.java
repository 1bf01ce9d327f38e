package io.modelatlas.catalog;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value with its provenance. When sources disagree, {@code value} is the one the precedence rule picked
 * (see {@link SourcePrecedence}) and {@code disagreements} keeps every other source's differing value.
 */
public record Fact<T>(T value, Provenance source, List<Alternative<T>> disagreements) {
    public Fact {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        disagreements = List.copyOf(disagreements);
    }

    public static <T> Fact<T> of(T value, Provenance source) {
        return new Fact<>(value, source, List.of());
    }

    public boolean disputed() {
        return !disagreements.isEmpty();
    }

    /**
     * True when {@code other} is a later observation of the same listing as the chosen value: a higher-ranked source
     * can be older, and a reader weighing the two should know which is newer. Only the same listing (the same key,
     * see {@link Provenance#sameListing}) can be newer: a reseller's listing read later (LiteLLM's {@code gradient_ai}
     * copy of Claude 3 Opus) is another seller's statement, not a newer value of the creator's fact, and gets no mark.
     */
    public boolean isNewer(Alternative<T> other) {
        return source.sameListing(other.source()) && other.source().asOf().isAfter(source.asOf());
    }

    public <R> Fact<R> map(Function<T, R> f) {
        return new Fact<>(f.apply(value), source,
                disagreements.stream().map(a -> new Alternative<>(f.apply(a.value()), a.source())).toList());
    }

    /** Another source's value that differs from the chosen one. */
    public record Alternative<T>(T value, Provenance source) {}
}
