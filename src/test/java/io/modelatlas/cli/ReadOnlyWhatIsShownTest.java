package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.source.BundledSnapshot;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code show} and {@code compare} over the bundled snapshot read the models they print and no others (issue 19): the
 * tiers and related comparisons that rank a model among all come from the snapshot's model index.
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
}
