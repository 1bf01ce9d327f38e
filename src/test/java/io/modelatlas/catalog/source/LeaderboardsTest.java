package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.UnknownBenchmarkException;
import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.Performance;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 15: the leaderboards as the catalog serves them, and "which performs better" built from them. */
class LeaderboardsTest {
    private static final Set<String> LEADERBOARDS = Set.of("LMArena", "LiveBench", "Aider", "Epoch AI", "Vectara");
    private static final Pattern LINE = Pattern.compile("^github\\.com/.+@[0-9a-f]{40}:(.+) line (\\d+)$");
    private static Catalog catalog;
    private static Leaderboards leaderboards;
    /** The bundled rows by file path and line, read apart from the catalog's leaderboards. */
    private static Map<String, LeaderboardTable.Score> rows;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
        leaderboards = catalog.leaderboards();
        rows = new HashMap<>();
        for (LeaderboardTable.Score s : LeaderboardTable.readBundled()) {
            rows.put(s.source() + ":" + s.line(), s);
        }
    }

    private static List<LeaderboardScore> published() {
        return leaderboards.benchmarks().stream().filter(b -> LEADERBOARDS.contains(b.source()))
                .flatMap(b -> leaderboards.scores(b.id()).stream()).toList();
    }

    /** The bundled row a score says it was copied from. */
    private static LeaderboardTable.Score rowOf(LeaderboardScore s) {
        Matcher m = LINE.matcher(s.source().key());
        assertThat(m.matches()).as(s.source().key()).isTrue();
        String source = LeaderboardTable.SOURCES.stream().filter(x -> rows.containsKey(x + ":" + m.group(2))
                && rows.get(x + ":" + m.group(2)).path().equals(m.group(1)) && rows.get(x + ":" + m.group(2)).publishedName().equals(s.publishedName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundled row at " + s.source().key()));
        return rows.get(source + ":" + m.group(2));
    }

    @Test
    void at_least_250_catalog_models_have_a_score_from_the_five_leaderboards() {
        assertThat(published().stream().map(LeaderboardScore::modelId).distinct().count()).isGreaterThanOrEqualTo(250);
    }

    @Test
    void every_score_is_the_published_text_of_the_row_it_cites() {
        List<LeaderboardScore> all = published();
        assertThat(all).hasSizeGreaterThan(15_000);
        for (LeaderboardScore s : all) {
            LeaderboardTable.Score row = rowOf(s);
            assertThat(s.scoreText()).as(s.source().key()).isEqualTo(row.scoreText());
            assertThat(s.publishedName()).isEqualTo(row.publishedName());
            assertThat(s.source().asOf()).isEqualTo(row.asOf());
        }
    }

    @Test
    void style_control_and_its_absence_are_two_boards_never_one() {
        for (LeaderboardScore s : published()) {
            if (s.benchmarkId().startsWith("lmarena-")) {
                String metric = rowOf(s).metric();
                assertThat(metric).startsWith("rating (");
                assertThat(s.benchmarkId().endsWith("-no-style-control")).as(s.source().key()).isEqualTo(metric.contains("no style control"));
            }
        }
    }

    @Test
    void one_model_has_one_score_per_benchmark_snapshot_and_variant() {
        Set<String> seen = new HashSet<>();
        for (LeaderboardScore s : published()) {
            assertThat(seen.add(s.benchmarkId() + "|" + s.modelId() + "|" + s.snapshot() + "|" + s.variant())).as(s.source().key()).isTrue();
        }
    }

    @Test
    void the_overall_arena_rating_carries_its_published_95_percent_bounds() {
        LeaderboardScore gpt41 = leaderboards.scoresOf("gpt-4.1").stream().filter(s -> s.benchmarkId().equals("lmarena-text-full")).findFirst().orElseThrow();
        LeaderboardTable.Score rating = rowOf(gpt41);
        Map<String, String> bounds = new HashMap<>();
        rows.values().stream().filter(r -> r.publishedName().equals(rating.publishedName()) && r.benchmark().equals(rating.benchmark())
                && r.metric().endsWith("(style control)") && r.metric().contains("_95ci")).forEach(r -> bounds.put(r.metric(), r.scoreText()));
        assertThat(gpt41.lower().toPlainString()).isEqualTo(bounds.get("rating_lower_95ci (style control)"));
        assertThat(gpt41.upper().toPlainString()).isEqualTo(bounds.get("rating_upper_95ci (style control)"));
    }

    @Test
    void an_unrecorded_aider_cost_is_unknown_not_free() {
        long zeros = rows.values().stream().filter(r -> r.source().equals("aider-polyglot") && r.metric().equals("total_cost") && r.score().signum() == 0).count();
        assertThat(zeros).isPositive();
        assertThat(leaderboards.scores("aider-polyglot-total-cost")).allSatisfy(s -> assertThat(s.score()).isPositive());
    }

    @Test
    void lmarena_ratings_inside_each_others_bounds_are_a_tie_and_outside_a_lead() {
        Performance apart = new Comparer(catalog).compareIds(List.of("gpt-4.1", "gpt-4.1-mini")).performance();
        Performance.Row full = apart.rows().stream().filter(r -> r.benchmark().id().equals("lmarena-text-full")).findFirst().orElseThrow();
        LeaderboardScore a = full.scores().get(0);
        LeaderboardScore b = full.scores().get(1);
        assertThat(a.lower().compareTo(b.upper()) > 0).isTrue(); // the intervals are apart
        assertThat(full.tie()).isFalse();
        assertThat(full.leaders()).containsExactly("gpt-4.1");
        assertThat(full.finding()).contains("GPT-4.1 leads").contains(a.scoreText()).contains(b.scoreText()).contains("outside the 95% bounds");

        Performance close = new Comparer(catalog).compareIds(List.of("claude-haiku-4-5", "gemini-2.5-flash")).performance();
        Performance.Row tied = close.rows().stream().filter(r -> r.benchmark().id().equals("lmarena-text-full")).findFirst().orElseThrow();
        assertThat(tied.scores().get(0).score()).isNotEqualByComparingTo(tied.scores().get(1).score());
        assertThat(tied.scores().get(0).tiesWith(tied.scores().get(1))).isTrue();
        assertThat(tied.tie()).isTrue();
        assertThat(tied.leaders()).hasSize(2);
        assertThat(tied.finding()).contains("a tie: the difference is inside the 95% bounds");
    }

    @Test
    void compared_scores_share_benchmark_and_variant_and_lower_is_better_where_published_so() {
        Performance p = new Comparer(catalog).compareIds(List.of("gpt-4.1", "gpt-4.1-mini", "gpt-4o")).performance();
        assertThat(p.rows()).isNotEmpty();
        for (Performance.Row r : p.rows()) {
            assertThat(r.scores()).hasSize(3).allSatisfy(s -> {
                assertThat(s.benchmarkId()).isEqualTo(r.benchmark().id());
                assertThat(s.variant()).isEqualTo(r.variant());
            });
            if (r.benchmark().higherIsBetter() != null && !r.tie()) {
                BigDecimal lead = r.scores().stream().filter(s -> s.modelId().equals(r.leaders().get(0))).findFirst().orElseThrow().score();
                BigDecimal best = r.scores().stream().map(LeaderboardScore::score)
                        .reduce(r.benchmark().higherIsBetter() ? BigDecimal::max : BigDecimal::min).orElseThrow();
                assertThat(lead).as(r.finding()).isEqualByComparingTo(best);
            }
        }
        assertThat(p.rows()).anySatisfy(r -> assertThat(r.benchmark().id()).isEqualTo("aider-polyglot-seconds-per-case"));
    }

    @Test
    void models_no_benchmark_scores_together_say_so_plainly() {
        List<Model> embeddings = List.of(catalog.require("text-embedding-3-small"), catalog.require("text-embedding-3-large"));
        var c = new Comparer(catalog).compare(embeddings);
        assertThat(c.performance().empty()).isTrue();
        assertThat(c.performance().noneSentence(c.models())).contains("cannot say which performs better");
    }

    @Test
    void a_listing_sorted_by_a_benchmark_puts_each_models_best_score_first_and_unscored_models_last() {
        ModelQuery q = new ModelQuery(null, null, null, null, null, null, null, null, null, null, ModelQuery.Order.parse("benchmark:epoch-gpqa-diamond"));
        List<Model> sorted = q.apply(catalog);
        int scored = leaderboards.modelsScored("epoch-gpqa-diamond");
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            var score = q.order().score(sorted.get(i), leaderboards);
            assertThat(score.isPresent()).as("model %d of %d", i, sorted.size()).isEqualTo(i < scored);
            if (score.isPresent()) {
                if (previous != null) {
                    assertThat(score.get().score()).isLessThanOrEqualTo(previous);
                }
                previous = score.get().score();
            }
        }
        // a benchmark's name finds it as its id does
        assertThat(leaderboards.find("Epoch AI: GPQA diamond").orElseThrow().id()).isEqualTo("epoch-gpqa-diamond");
    }

    @Test
    void the_directory_filters_to_models_scored_on_a_benchmark() {
        ModelQuery q = new ModelQuery(null, null, null, null, null, null, null, null, null, "vectara-hallucination-rate", ModelQuery.Order.NAME);
        List<Model> kept = q.apply(catalog);
        assertThat(kept).hasSize(leaderboards.modelsScored("vectara-hallucination-rate"));
        assertThat(kept).allSatisfy(m -> assertThat(leaderboards.scoresOf(m.id())).anySatisfy(s -> assertThat(s.benchmarkId()).isEqualTo("vectara-hallucination-rate")));
    }

    @Test
    void an_unknown_benchmark_is_refused_with_the_closest_ids() {
        assertThatThrownBy(() -> catalog.requireBenchmark("lmarena-txt-full")).isInstanceOf(UnknownBenchmarkException.class)
                .hasMessageContaining("lmarena-txt-full")
                .satisfies(e -> assertThat(((UnknownBenchmarkException) e).suggestions()).startsWith("lmarena-text-full"));
    }

    @Test
    void benchmark_ids_are_unique_and_url_safe() {
        assertThat(leaderboards.benchmarks().stream().map(Leaderboard::id).distinct().count()).isEqualTo(leaderboards.benchmarks().size());
        assertThat(leaderboards.benchmarks()).allSatisfy(b -> assertThat(b.id()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(leaderboards.benchmarks()).extracting(Leaderboard::source).containsAll(LEADERBOARDS);
    }
}
