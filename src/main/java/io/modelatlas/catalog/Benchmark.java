package io.modelatlas.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One published score. Two scores compare only when their {@link Identity} is equal: the same benchmark, the same
 * variant (Aider's "edit_format=diff" and "edit_format=whole" runs are different benchmarks) and the same metric
 * (MATH-500 is not MATH; an index score is not tokens per second).
 *
 * @param metric what the score measures, in the words of its unit ({@code score}, {@code tokens/s}, {@code s});
 *               the kind's unit when the source names no other
 */
public record Benchmark(String name, String variant, String metric, BigDecimal score, BenchmarkKind kind, Provenance source) {
    public Benchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        variant = variant == null || variant.isBlank() ? null : variant;
        metric = metric == null || metric.isBlank() ? kind.unit() : metric;
    }

    /** A score measured in its kind's unit. */
    public Benchmark(String name, String variant, BigDecimal score, BenchmarkKind kind, Provenance source) {
        this(name, variant, null, score, kind, source);
    }

    /** What makes two scores the same measurement: benchmark, variant and metric. */
    public record Identity(String name, String variant, String metric) {}

    public Identity identity() {
        return new Identity(name, variant, metric);
    }

    public boolean comparableWith(Benchmark other) {
        return identity().equals(other.identity()) && kind == other.kind;
    }

    public String fullName() {
        return variant == null ? name : name + " (" + variant + ")";
    }

    /**
     * True when the source restates a score another publisher made ("Artificial Analysis via OpenRouter"): the
     * listing is a second route to the same figure, not its origin.
     */
    public boolean restated() {
        return source.source().contains(" via ");
    }

    /**
     * Each score once: of the scores of one model with the same identity (the same figure arriving by two routes,
     * such as the benchmark table and OpenRouter's listing), the one from the publisher itself is kept, else the
     * first. Each identity keeps the place of its first score.
     */
    public static List<Benchmark> distinct(List<Benchmark> scores) {
        Map<Identity, Benchmark> kept = new LinkedHashMap<>();
        for (Benchmark b : scores) {
            kept.merge(b.identity(), b, (first, next) -> first.restated() && !next.restated() ? next : first);
        }
        return List.copyOf(kept.values());
    }
}
