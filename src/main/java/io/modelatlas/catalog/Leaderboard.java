package io.modelatlas.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One benchmark as a leaderboard publishes it: a test, one metric of it, and the publisher. Scores of one
 * leaderboard compare with each other only within one {@link LeaderboardScore#variant() variant}.
 *
 * @param id             stable, URL-safe ({@code lmarena-text-full}, {@code epoch-gpqa-diamond}); what
 *                       {@code sort=benchmark:ID} and {@code /api/v1/benchmarks/ID} take
 * @param name           the benchmark as its publisher names it
 * @param source         the publisher ({@code LMArena}, {@code LiveBench}, {@code Aider}, {@code Epoch AI}, ...)
 * @param origin         where the figures were copied from ({@code github.com/owner/repo@commit}), or the source's own words
 * @param higherIsBetter {@code null} for a descriptive figure that is neither better nor worse (Vectara's summary length)
 * @param bounded        true when scores carry 95% bounds (LMArena): a difference inside them is a tie
 * @param kind           a quality score, or a speed measure (output speed, time to first token)
 */
public record Leaderboard(String id, String name, String source, String origin, String metric, String unit, Boolean higherIsBetter,
                          boolean bounded, BenchmarkKind kind) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public Leaderboard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("benchmark id must be lower-case words joined by '-': " + id);
        }
    }

    /** An id made of any text: lower case, every run of other characters one '-'. */
    public static String idOf(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The name and metric as one heading ({@code Aider polyglot, pass_rate_2}). */
    public String title() {
        return name.contains(metric) ? name : name + ", " + metric;
    }

    /** True when a ranks ahead of b on this benchmark; never for a descriptive figure. */
    public boolean better(java.math.BigDecimal a, java.math.BigDecimal b) {
        return higherIsBetter != null && (higherIsBetter ? a.compareTo(b) > 0 : a.compareTo(b) < 0);
    }
}
