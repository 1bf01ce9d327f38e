package io.modelatlas.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derived tiers such as seed 003's "Intelligence: Low, Speed: Medium", computed from the catalog, never typed in:
 * a model's quartile among the catalog's models that have the measure. The definition names the measure, its
 * source and the population, so a reader can check it.
 */
public final class CatalogRankings {
    private static final String[] LABELS = {"Low", "Medium", "High", "Very high"};
    private static final String INTELLIGENCE = "Artificial Analysis Intelligence Index";

    private final List<BigDecimal> intelligence;
    private final List<BigDecimal> speed;

    /** A tier with the rule that produced it. */
    public record Tier(String label, BigDecimal value, String definition) {}

    private CatalogRankings(List<BigDecimal> intelligence, List<BigDecimal> speed) {
        this.intelligence = intelligence;
        this.speed = speed;
    }

    public static CatalogRankings of(Catalog catalog) {
        List<BigDecimal> i = new ArrayList<>();
        List<BigDecimal> s = new ArrayList<>();
        for (Model m : catalog.models()) {
            intelligence(m).ifPresent(i::add);
            speed(m).ifPresent(s::add);
        }
        i.sort(BigDecimal::compareTo);
        s.sort(BigDecimal::compareTo);
        return new CatalogRankings(List.copyOf(i), List.copyOf(s));
    }

    static Optional<BigDecimal> intelligence(Model m) {
        return m.benchmarks(BenchmarkKind.QUALITY).stream().filter(b -> b.name().equals(INTELLIGENCE) && b.variant() == null)
                .map(Benchmark::score).findFirst();
    }

    static Optional<BigDecimal> speed(Model m) {
        return m.benchmarks(BenchmarkKind.OUTPUT_SPEED).stream().filter(b -> b.variant() == null).map(Benchmark::score).findFirst();
    }


    /** The model's intelligence tier: its quartile of the Artificial Analysis Intelligence Index in the catalog. */
    public Optional<Tier> intelligenceTier(Model m) {
        return intelligence(m).map(v -> tier(v, intelligence, INTELLIGENCE + " (via OpenRouter's listing)"));
    }

    /** The model's speed tier: its quartile of median output tokens per second (Artificial Analysis) in the catalog. */
    public Optional<Tier> speedTier(Model m) {
        return speed(m).map(v -> tier(v, speed, "median output tokens per second (Artificial Analysis)"));
    }

    private static Tier tier(BigDecimal value, List<BigDecimal> sorted, String measure) {
        int below = 0;
        while (below < sorted.size() && sorted.get(below).compareTo(value) < 0) {
            below++;
        }
        int quartile = Math.min(3, below * 4 / sorted.size());
        return new Tier(LABELS[quartile], value, "quartile " + (quartile + 1) + " of 4 by " + measure + " among the " + sorted.size()
                + " catalog models that have it (" + below + " score lower)");
    }
}
