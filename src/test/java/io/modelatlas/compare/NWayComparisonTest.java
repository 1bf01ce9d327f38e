package io.modelatlas.compare;

import static io.modelatlas.fixtures.Fixtures.gpt41;
import static io.modelatlas.fixtures.Fixtures.gpt41Mini;
import static io.modelatlas.fixtures.Fixtures.gpt4oMini;
import static io.modelatlas.fixtures.Fixtures.gpt51;
import static io.modelatlas.fixtures.Fixtures.gptImage1Mini;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Status;
import io.modelatlas.fixtures.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparisons of three or more models, the order the user chose, and cache-aware monthly costs. */
class NWayComparisonTest {
    /** A text model whose offering publishes no cached-input price. */
    private static final Model ACME = Fixtures.text("acme-lite", "Acme Lite", "1", "2", null, 200_000L, 8_192L, "2025-01-01", "2024-01",
            Status.current(), List.of());
    private final Catalog catalog = Catalog.of(List.of(gpt41(), gpt41Mini(), gpt4oMini(), gpt51(), gptImage1Mini(), ACME));
    private final Comparer comparer = new Comparer(catalog);

    private static List<String> sentences(Comparison c) {
        return c.differences().stream().map(Difference::sentence).toList();
    }

    @Test
    void three_models_are_described_across_all_of_them_not_against_the_first() {
        // GPT-4.1 Mini first: the old pairwise text would have measured the others against it
        Comparison c = comparer.compareIds(List.of("gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini"));
        assertThat(sentences(c)).contains(
                "Cheapest on input tokens: GPT-4o Mini ($0.15 per million); dearest: GPT-4.1 ($2.00, 13.33 times as much).",
                "Cheapest on output tokens: GPT-4o Mini ($0.60 per million); dearest: GPT-4.1 ($8.00, 13.33 times as much).",
                "Largest context window: GPT-4.1 Mini and GPT-4.1 (1,047,576 tokens), 8.18 times the smallest, GPT-4o Mini's (128,000 tokens).",
                "Most output tokens per response: GPT-4.1 Mini and GPT-4.1 (32,768 tokens), 2 times the fewest, GPT-4o Mini's (16,384 tokens).",
                "Most recent knowledge cutoff: GPT-4.1 Mini and GPT-4.1 (April 2024); oldest: GPT-4o Mini (September 2023).",
                "Best on simple-evals MMLU: GPT-4.1 (90.2); lowest: GPT-4o Mini (82).");
        // no sentence compares just two of the three
        assertThat(sentences(c)).noneMatch(s -> s.contains(" cheaper on ") || s.contains(" scores higher on "));
        assertThat(c.differences()).extracting(Difference::kind).contains("price", "context_window", "max_output", "knowledge_cutoff", "speed", "benchmark");
    }

    @Test
    void the_order_changes_how_models_are_listed_not_what_is_said_of_them() {
        List<String> kinds = comparer.compareIds(List.of("gpt-4.1", "gpt-4.1-mini", "gpt-4o-mini", "gpt-5.1")).differences().stream()
                .map(d -> d.kind() + ":" + d.sentence().replace("GPT-4.1 Mini and GPT-4.1", "GPT-4.1 and GPT-4.1 Mini")).sorted().toList();
        List<String> reversed = comparer.compareIds(List.of("gpt-5.1", "gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1")).differences().stream()
                .map(d -> d.kind() + ":" + d.sentence().replace("GPT-4.1 Mini and GPT-4.1", "GPT-4.1 and GPT-4.1 Mini")).sorted().toList();
        assertThat(reversed).isEqualTo(kinds);
    }

    @Test
    void models_of_different_kinds_are_grouped_and_capabilities_split_across_all() {
        Comparison c = comparer.compareIds(List.of("gpt-4.1", "gpt-image-1-mini", "gpt-4o-mini"));
        assertThat(sentences(c)).contains(
                "These are different kinds of model: GPT-4.1 and GPT-4o Mini are text models while GPT Image 1 Mini is an image model, so they often complement each other in a workflow rather than compete.",
                "Function calling: supported by GPT-4.1 and GPT-4o Mini; not by GPT Image 1 Mini.",
                // the image model is priced per image: left out of the token price ranges rather than "unknown" in them
                "Cheapest on output tokens: GPT-4o Mini ($0.60 per million); dearest: GPT-4.1 ($8.00, 13.33 times as much).");
        assertThat(sentences(c)).noneMatch(s -> s.contains("price is known for GPT Image 1 Mini"));
    }

    @Test
    void the_comparison_keeps_the_order_given_in_every_table() {
        Comparison c = comparer.compareIds(List.of("gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"));
        assertThat(c.title()).isEqualTo("GPT-4o Mini vs GPT-4.1 vs GPT-4.1 Mini");
        // 1:1 blend per million: (input + output) / 2
        assertThat(c.volumes().get(0).blendedPerMillion()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.375"), new BigDecimal("5"), new BigDecimal("1"));
        assertThat(c.scenarios().get(0).cells()).hasSize(3);
        assertThat(c.benchmarks().get(0).scores()).extracting(b -> b.score().toPlainString()).containsExactly("82.0", "90.2", "87.5");
    }

    @Test
    void ordered_paths_keep_the_users_order_and_the_canonical_order_keeps_its_path() {
        assertThat(ComparisonPaths.orderedPath(List.of("gpt-4.1", "gpt-4.1-mini"))).isEqualTo("/compare/gpt-4.1-vs-gpt-4.1-mini");
        assertThat(ComparisonPaths.orderedPath(List.of("gpt-4.1-mini", "gpt-4.1"))).isEqualTo("/compare?models=gpt-4.1-mini,gpt-4.1");
        assertThat(ComparisonPaths.orderedPath(List.of("gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"))).isEqualTo("/compare?models=gpt-4o-mini,gpt-4.1,gpt-4.1-mini");
        assertThat(ComparisonPaths.path(List.of("gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"))).isEqualTo("/compare?models=gpt-4.1,gpt-4.1-mini,gpt-4o-mini");
    }

    @Test
    void a_cache_hit_share_prices_that_share_of_input_at_the_cached_rate_and_says_where_there_is_none() {
        BigDecimal half = new BigDecimal("0.5");
        Comparison c = comparer.compare(List.of(gpt41Mini(), ACME), half);
        Comparison.VolumeTable even = c.volumes().get(0);
        // GPT-4.1 Mini per million tokens at 1:1: half input (half of it cached at $0.10, half at $0.40), half output at $1.60
        BigDecimal mini = new BigDecimal("0.5").multiply(half.multiply(new BigDecimal("0.10")).add(half.multiply(new BigDecimal("0.40"))))
                .add(new BigDecimal("0.5").multiply(new BigDecimal("1.60")));
        // Acme Lite has no cached price: (1 + 2) / 2, as with no cache at all
        BigDecimal acme = new BigDecimal("1.5");
        assertThat(even.blendedPerMillion()).usingElementComparator(BigDecimal::compareTo).containsExactly(mini, acme);
        assertThat(even.rows().get(3).costs()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(mini.multiply(BigDecimal.valueOf(100)), acme.multiply(BigDecimal.valueOf(100)));
        assertThat(even.cacheNotes()).containsExactly(null, Comparer.NO_CACHED_PRICE);
        assertThat(even.definition()).contains("50% of input tokens read from the prompt cache at the cached-input price where one is published");
        // without a share, nothing to say
        assertThat(comparer.compare(List.of(gpt41Mini(), ACME)).volumes().get(0).cacheNotes()).containsOnlyNulls();
    }
}
