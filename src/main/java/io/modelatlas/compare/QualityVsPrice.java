package io.modelatlas.compare;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quality against price on one benchmark: each scored model's best score (of its variants) against its blended price
 * per 1M tokens under {@link #BLEND}, and which models are on the cheapest-for-their-score frontier. A model whose
 * price is unknown is listed apart, never placed at $0.
 *
 * <p>The frontier is the Pareto front of the paid models: a model is on it unless another is at least as cheap and
 * at least as good, and strictly cheaper or strictly better. Two models with the same price and score are both on it.
 * Models listed at $0 (local runtimes, free tiers) are kept apart: a price axis on a log scale has no 0, and a free
 * listing of a model says nothing about what the paid ones cost for their score.
 *
 * @param priced   models with a known blended price above $0, cheapest first (ties by score, best first)
 * @param free     models whose known blended price is $0, best score first
 * @param unpriced models without a known price, best score first
 */
public record QualityVsPrice(Leaderboard benchmark, List<Point> priced, List<Point> free, List<Point> unpriced) {
    /** The blend the comparison pages chart and tabulate first (1:1 input:output, no cache). */
    public static final Blend BLEND = Blend.EVEN;

    public QualityVsPrice {
        priced = List.copyOf(priced);
        free = List.copyOf(free);
        unpriced = List.copyOf(unpriced);
    }

    /**
     * One model: its best score (the variant it was scored in is on the score), its blended price or null when
     * unknown, and whether it is on the frontier (never when free or unpriced).
     */
    public record Point(String modelId, String modelName, LeaderboardScore best, BigDecimal blendedPerMillion, boolean frontier) {}

    /** The chart of a benchmark, or empty for a descriptive figure (neither higher nor lower is better). */
    public static Optional<QualityVsPrice> of(Catalog catalog, Leaderboard benchmark) {
        if (benchmark.higherIsBetter() == null) {
            return Optional.empty();
        }
        Leaderboards all = catalog.leaderboards();
        Set<String> modelIds = new LinkedHashSet<>();
        all.scores(benchmark.id()).forEach(s -> modelIds.add(s.modelId()));
        List<Point> priced = new ArrayList<>();
        List<Point> free = new ArrayList<>();
        List<Point> unpriced = new ArrayList<>();
        for (String id : modelIds) {
            LeaderboardScore best = all.best(id, benchmark.id()).orElseThrow();
            Optional<Model> m = catalog.byId(id);
            BigDecimal price = m.flatMap(Model::prices).flatMap(p -> Projection.blendedPerMillion(p, BLEND)).orElse(null);
            Point p = new Point(id, m.map(Model::displayName).orElse(id), best, price, false);
            (price == null ? unpriced : price.signum() == 0 ? free : priced).add(p);
        }
        Comparator<Point> bestFirst = (a, b) -> benchmark.better(a.best().score(), b.best().score()) ? -1
                : benchmark.better(b.best().score(), a.best().score()) ? 1 : 0;
        priced.sort(Comparator.comparing(Point::blendedPerMillion).thenComparing(bestFirst).thenComparing(Point::modelName));
        free.sort(bestFirst.thenComparing(Point::modelName));
        unpriced.sort(bestFirst.thenComparing(Point::modelName));
        return Optional.of(new QualityVsPrice(benchmark, frontier(benchmark, priced), free, unpriced));
    }

    /**
     * Marks the frontier in one pass over the points sorted cheapest first (ties best first): a point is on it when
     * it beats every cheaper point's score, or matches the best so far at that same price.
     */
    private static List<Point> frontier(Leaderboard b, List<Point> cheapestFirst) {
        List<Point> out = new ArrayList<>();
        Point bestSoFar = null;
        for (Point p : cheapestFirst) {
            boolean on = bestSoFar == null || b.better(p.best().score(), bestSoFar.best().score())
                    || p.best().score().compareTo(bestSoFar.best().score()) == 0 && p.blendedPerMillion().compareTo(bestSoFar.blendedPerMillion()) == 0;
            out.add(new Point(p.modelId(), p.modelName(), p.best(), p.blendedPerMillion(), on));
            if (on) {
                bestSoFar = p;
            }
        }
        return out;
    }

    public boolean empty() {
        return priced.isEmpty() && free.isEmpty() && unpriced.isEmpty();
    }

    public List<Point> frontierPoints() {
        return priced.stream().filter(Point::frontier).toList();
    }
}
