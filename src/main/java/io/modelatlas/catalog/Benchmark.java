package io.modelatlas.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One published score. Two scores compare only when {@code name} and {@code variant} are both equal
 * (Aider's "edit_format=diff" and "edit_format=whole" runs are different benchmarks).
 */
public record Benchmark(String name, String variant, BigDecimal score, BenchmarkKind kind, Provenance source) {
    public Benchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        variant = variant == null || variant.isBlank() ? null : variant;
    }

    public boolean comparableWith(Benchmark other) {
        return name.equals(other.name) && Objects.equals(variant, other.variant) && kind == other.kind;
    }

    public String fullName() {
        return variant == null ? name : name + " (" + variant + ")";
    }
}
