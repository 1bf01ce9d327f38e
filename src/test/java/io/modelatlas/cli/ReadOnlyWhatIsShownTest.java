package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.source.BundledSnapshot;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code show} and {@code compare} over the bundled snapshot read the models they print and no others (issue 19): the
 * tiers and related comparisons that rank a model among all come from the snapshot's model index, and the
 * leaderboard scores are those of the models shown.
 */
class ReadOnlyWhatIsShownTest {
    private static Catalog bundled() {
        byte[] bytes = BundledSnapshot.bytes();
        assertThat(bytes).as("the bundled snapshot (built by the Maven build)").isNotNull();
        return CatalogSnapshot.read(bytes, CatalogSnapshot.keyOf(bytes)).orElseThrow();
    }

    private static String run(Catalog catalog, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (h, p) -> { },
                (d, m, p) -> "", () -> { throw new IllegalStateException("no store in this test"); });
        assertThat(new Main(ctx).run(args)).as(String.join(" ", args) + ": " + err).isEqualTo(Main.OK);
        return out.toString();
    }

    @Test
    void show_ranks_a_model_among_all_reading_that_model_alone() {
        Catalog catalog = bundled();

        String shown = run(catalog, "show", "gpt-4.1");

        assertThat(catalog.models()).hasSizeGreaterThan(1000);
        assertThat(shown).contains("GPT-4.1 (gpt-4.1)").containsPattern("Intelligence: +\\S+ \\(quartile \\d of 4 by Artificial Analysis Intelligence Index, of \\d+ models");
        assertThat(catalog.modelsRead()).isEqualTo(1);
    }

    @Test
    void compare_relates_two_models_to_others_reading_the_two_alone() {
        Catalog catalog = bundled();

        String compared = run(catalog, "compare", "gpt-4.1", "gpt-4.1-mini");

        assertThat(compared).contains("(successor)").contains("same family").contains("similar price, other provider");
        assertThat(catalog.modelsRead()).isEqualTo(2);
    }

    @Test
    void compare_reads_the_leaderboard_scores_of_its_two_models_alone() {
        Catalog catalog = bundled();
        Leaderboards whole = bundled().leaderboards();

        String compared = run(catalog, "compare", "gpt-4.1", "gpt-4.1-mini");

        List<Leaderboards.Matchup> shared = whole.shared(List.of("gpt-4.1", "gpt-4.1-mini"));
        assertThat(shared).as("the two share benchmarks, so the performance table has rows").isNotEmpty();
        assertThat(compared).contains(shared.get(0).benchmark().title());
        assertThat(catalog.scoresRead()).as("the scores of gpt-4.1 and gpt-4.1-mini, of " + whole.scores().size())
                .isEqualTo(whole.scoresOf("gpt-4.1").size() + whole.scoresOf("gpt-4.1-mini").size());
    }

    @Test
    void show_as_json_reads_the_leaderboard_scores_of_its_model_alone() {
        Catalog catalog = bundled();
        Leaderboards whole = bundled().leaderboards();

        String shown = run(catalog, "show", "gpt-4.1", "--format", "json");

        assertThat(whole.scoresOf("gpt-4.1")).isNotEmpty();
        assertThat(shown).contains(whole.scoresOf("gpt-4.1").get(0).publishedName());
        assertThat(catalog.scoresRead()).isEqualTo(whole.scoresOf("gpt-4.1").size());
    }
}
