package io.modelatlas.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.Status;
import io.modelatlas.compare.QualityVsPrice.Point;
import io.modelatlas.fixtures.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The quality-vs-price frontier on a small hand-made leaderboard: which models are on it is checked twice, against a
 * list written out by hand and against a brute-force Pareto check over every pair, so neither the one-pass algorithm
 * nor the hand list can be wrong alone.
 */
class QualityVsPriceTest {
    private static final Provenance ROW = new Provenance("test board", "row", LocalDate.of(2026, 1, 1));
    private static final Leaderboard HIGHER = new Leaderboard("test-accuracy", "Test", "Tester", "here", "accuracy", "%", true, false, BenchmarkKind.QUALITY);
    private static final Leaderboard LOWER = new Leaderboard("test-seconds", "Test", "Tester", "here", "seconds", "s", false, false, BenchmarkKind.QUALITY);
    private static final Leaderboard LENGTH = new Leaderboard("test-length", "Test", "Tester", "here", "length", "words", null, false, BenchmarkKind.QUALITY);

    /** Blended at 1:1: a $2, b $2, c $0.50, d $6, e $10, f $0; gpt-image-1-mini has no output price, "ghost" no listing. */
    private static final List<Model> MODELS = List.of(model("a", "1", "3"), model("b", "2", "2"), model("c", "0.5", "0.5"), model("d", "4", "8"),
            model("e", "10", "10"), model("f", "0", "0"), Fixtures.gptImage1Mini());

    private static Model model(String id, String in, String out) {
        return Fixtures.text(id, id.toUpperCase(), in, out, in, 100_000L, 10_000L, "2025-01", "2024-06", Status.current(), List.of());
    }

    private static LeaderboardScore score(Leaderboard b, String model, String variant, String value) {
        return new LeaderboardScore(b.id(), model, null, variant, model, new BigDecimal(value), null, null, ROW);
    }

    private static Catalog catalog() {
        List<LeaderboardScore> scores = List.of(
                score(HIGHER, "a", "", "70"), score(HIGHER, "a", "high", "80"), score(HIGHER, "b", "", "80"), score(HIGHER, "c", "", "60"),
                score(HIGHER, "d", "", "75"), score(HIGHER, "e", "", "90"), score(HIGHER, "f", "", "95"), score(HIGHER, "gpt-image-1-mini", "", "99"),
                score(HIGHER, "ghost", "", "50"),
                score(LOWER, "c", "", "5"), score(LOWER, "a", "", "3"), score(LOWER, "d", "", "3"), score(LOWER, "e", "", "1"),
                score(LENGTH, "a", "", "100"));
        Leaderboards boards = new Leaderboards(List.of(HIGHER, LOWER, LENGTH), scores);
        return Catalog.of(MODELS, List.of(), c -> boards);
    }

    private static Set<String> ids(List<Point> points) {
        return points.stream().map(Point::modelId).collect(Collectors.toSet());
    }

    /** Pareto by definition: dominated when another is at least as cheap and as good, and strictly one of them. */
    private static Set<String> bruteForceFrontier(Leaderboard b, List<Point> priced) {
        List<String> on = new ArrayList<>();
        for (Point p : priced) {
            boolean dominated = false;
            for (Point q : priced) {
                int price = q.blendedPerMillion().compareTo(p.blendedPerMillion());
                boolean asGood = !b.better(p.best().score(), q.best().score());
                boolean strictlyBetter = b.better(q.best().score(), p.best().score());
                dominated |= q != p && price <= 0 && asGood && (price < 0 || strictlyBetter);
            }
            if (!dominated) {
                on.add(p.modelId());
            }
        }
        return Set.copyOf(on);
    }

    @Test
    void frontier_holds_the_models_no_other_beats_on_both_price_and_score() {
        QualityVsPrice q = QualityVsPrice.of(catalog(), HIGHER).orElseThrow();

        // d ($6, 75) loses to a and b ($2, 80); a and b tie on both and are both on it; f is free, so not on the price axis
        assertThat(ids(q.frontierPoints())).isEqualTo(Set.of("a", "b", "c", "e"));
        assertThat(ids(q.frontierPoints())).isEqualTo(bruteForceFrontier(HIGHER, q.priced()));
        assertThat(q.priced()).extracting(Point::modelId).containsExactly("c", "a", "b", "d", "e");
        assertThat(q.priced()).extracting(p -> p.blendedPerMillion().toPlainString()).containsExactly("0.5", "2", "2", "6", "10");
    }

    @Test
    void a_model_scored_in_several_variants_is_placed_at_its_best() {
        Point a = QualityVsPrice.of(catalog(), HIGHER).orElseThrow().priced().stream().filter(p -> p.modelId().equals("a")).findFirst().orElseThrow();

        assertThat(a.best().scoreText()).isEqualTo("80");
        assertThat(a.best().variant()).isEqualTo("high");
    }

    @Test
    void unknown_and_zero_prices_are_kept_apart_never_plotted_as_zero() {
        QualityVsPrice q = QualityVsPrice.of(catalog(), HIGHER).orElseThrow();

        assertThat(q.unpriced()).extracting(Point::modelId).containsExactly("gpt-image-1-mini", "ghost");
        assertThat(q.unpriced()).allSatisfy(p -> assertThat(p.blendedPerMillion()).isNull()).noneMatch(Point::frontier);
        assertThat(q.unpriced().get(1).modelName()).isEqualTo("ghost"); // not in the catalog: named by its id
        assertThat(q.free()).extracting(Point::modelId).containsExactly("f");
        assertThat(q.free().get(0).frontier()).isFalse();
    }

    @Test
    void lower_is_better_turns_the_frontier_around() {
        QualityVsPrice q = QualityVsPrice.of(catalog(), LOWER).orElseThrow();

        // c ($0.50, 5 s), a ($2, 3 s), e ($10, 1 s); d ($6, 3 s) is as slow as a and dearer
        assertThat(ids(q.frontierPoints())).isEqualTo(Set.of("c", "a", "e")).isEqualTo(bruteForceFrontier(LOWER, q.priced()));
    }

    @Test
    void a_descriptive_figure_has_no_chart() {
        assertThat(QualityVsPrice.of(catalog(), LENGTH)).isEmpty();
    }
}
