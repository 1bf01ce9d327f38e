package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.web.Row;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ", newer" is claimed only between observations of the same listing, on the bundled catalog: a reseller's copy read
 * later is not a newer value of the creator's fact (Claude 3 Opus), while OpenRouter's later reading of OpenAI's own
 * {@code openai/gpt-4.1-mini} is (its knowledge cutoff). Checked where the label is shown: {@code show}, comparison
 * tables (gpt-4.1-mini) and model pages' rows.
 */
class NewerLabelTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (h, p) -> { },
                (d, m, p) -> "", () -> { throw new IllegalStateException("no store in this test"); });
        assertThat(new Main(ctx).run(args)).as(err.toString()).isEqualTo(Main.OK);
        return out.toString();
    }

    @Test
    void a_resellers_listing_read_later_is_not_marked_newer_than_the_creators_fact() {
        Model opus = catalog.require("claude-3-opus");
        Fact<Set<Modality>> input = opus.inputModalities();
        Fact.Alternative<Set<Modality>> gradient = input.disagreements().stream()
                .filter(a -> a.source().key().startsWith("gradient_ai/")).findFirst().orElseThrow();
        // the premise: LiteLLM's gradient_ai entry was read after models.dev's Anthropic entry, and says less
        assertThat(gradient.source().asOf()).isAfter(input.source().asOf());
        assertThat(input.source().key()).isEqualTo("anthropic/claude-3-opus-20240229");

        assertThat(input.isNewer(gradient)).isFalse();
        assertThat(run("show", "claude-3-opus")).contains("also Text [litellm gradient_ai/anthropic-claude-3-opus (2026-07-18)]")
                .doesNotContain("gradient_ai/anthropic-claude-3-opus (2026-07-18)], newer");
        assertThat(Row.of("Input", input, Object::toString).alsoReported()).noneMatch(s -> s.endsWith(", newer"));
    }

    @Test
    void a_later_reading_of_the_same_listing_is_still_marked_newer() {
        Fact<PartialDate> cutoff = catalog.require("gpt-4.1-mini").knowledgeCutoff();
        Fact.Alternative<PartialDate> openrouter = cutoff.disagreements().stream()
                .filter(a -> a.source().source().equals("openrouter")).findFirst().orElseThrow();
        // models.dev and OpenRouter both name OpenAI's own listing openai/gpt-4.1-mini; OpenRouter's was read later
        assertThat(openrouter.source().key()).isEqualTo(cutoff.source().key()).isEqualTo("openai/gpt-4.1-mini");

        assertThat(cutoff.isNewer(openrouter)).isTrue();
        assertThat(run("show", "gpt-4.1-mini")).contains("also June 30, 2024 [openrouter openai/gpt-4.1-mini (2026-08-01)], newer");
        assertThat(run("compare", "gpt-4.1", "gpt-4.1-mini", "--format", "markdown")).contains("June 30, 2024 (openrouter, newer)");
        assertThat(Row.of("Knowledge cutoff", cutoff, PartialDate::toString).alsoReported()).anyMatch(s -> s.endsWith(", newer"));
    }
}
