package io.modelatlas.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derived tiers such as seed 003's "Intelligence: Low, Speed: Medium", computed from the catalog, never typed in:
 * a model's quartile among the catalog's models that have the measure. A tier is stated only when at least
 * {@link #MIN_POPULATION} models have a published figure (a quartile of 5 models says nothing), and its definition
 * names the measure and that count, so a reader can check it.
 */
public final class CatalogRankings {
    private static final String[] LABELS = {"Low", "Medium", "High", "Very high"};
    private static final String INTELLIGENCE = "Artificial Analysis Intelligence Index";

    /** Fewest models with a published figure for which a tier of that figure is stated. */
    public static final int MIN_POPULATION = 20;

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
        // from the summaries: a snapshot's catalog ranks one model among all without reading the others
        for (ModelSummary m : catalog.summaries()) {
            if (m.intelligence() != null) {
                i.add(m.intelligence());
            }
            if (m.speed() != null) {
                s.add(m.speed());
            }
        }
        i.sort(BigDecimal::compareTo);
        s.sort(BigDecimal::compareTo);
        return new CatalogRankings(List.copyOf(i), List.copyOf(s));
    }

    /** The figure a model is ranked by; {@link ModelSummary#of} keeps it for every model. */
    static Optional<BigDecimal> intelligence(Model m) {
        return m.benchmarks(BenchmarkKind.QUALITY).stream().filter(b -> b.name().equals(INTELLIGENCE) && b.variant() == null)
                .map(Benchmark::score).findFirst();
    }

    static Optional<BigDecimal> speed(Model m) {
        return m.benchmarks(BenchmarkKind.OUTPUT_SPEED).stream().filter(b -> b.variant() == null).map(Benchmark::score).findFirst();
    }


    /**
     * The model's intelligence tier: its quartile of the Artificial Analysis Intelligence Index in the catalog; empty
     * when the model has no such score or fewer than {@link #MIN_POPULATION} models have one.
     */
    public Optional<Tier> intelligenceTier(Model m) {
        return intelligence(m).filter(v -> intelligence.size() >= MIN_POPULATION).map(v -> tier(v, intelligence, INTELLIGENCE));
    }

    /**
     * The model's speed tier: its quartile of median output tokens per second (Artificial Analysis) in the catalog;
     * empty when the model is not measured or fewer than {@link #MIN_POPULATION} models are.
     */
    public Optional<Tier> speedTier(Model m) {
        return speed(m).filter(v -> speed.size() >= MIN_POPULATION).map(v -> tier(v, speed, "median output tokens per second (Artificial Analysis)"));
    }

    /** How many catalog models have a published intelligence index and a measured output speed: the tiers' populations. */
    public int intelligencePopulation() {
        return intelligence.size();
    }

    public int speedPopulation() {
        return speed.size();
    }

    private static Tier tier(BigDecimal value, List<BigDecimal> sorted, String measure) {
        int below = 0;
        while (below < sorted.size() && sorted.get(below).compareTo(value) < 0) {
            below++;
        }
        int quartile = Math.min(3, below * 4 / sorted.size());
        return new Tier(LABELS[quartile], value, "quartile " + (quartile + 1) + " of 4 by " + measure + ", of " + sorted.size()
                + " models with a published figure (" + below + " score lower)");
    }
}
