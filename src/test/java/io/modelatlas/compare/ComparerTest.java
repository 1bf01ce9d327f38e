package io.modelatlas.compare;

import static io.modelatlas.fixtures.Fixtures.gpt41;
import static io.modelatlas.fixtures.Fixtures.gpt41Mini;
import static io.modelatlas.fixtures.Fixtures.gpt4oMini;
import static io.modelatlas.fixtures.Fixtures.gpt51;
import static io.modelatlas.fixtures.Fixtures.gptImage1Mini;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.compare.Comparison.SpecRow;
import io.modelatlas.compare.Comparison.VolumeRow;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparerTest {
    private final Catalog catalog = Catalog.of(List.of(gpt41(), gpt41Mini(), gpt4oMini(), gpt51(), gptImage1Mini()));
    private final Comparer comparer = new Comparer(catalog);

    private Comparison compare(String... ids) {
        return comparer.compareIds(List.of(ids));
    }

    private static List<String> sentences(Comparison c) {
        return c.differences().stream().map(Difference::sentence).toList();
    }

    @Test
    void mini_is_80_percent_cheaper_than_gpt_4_1_on_input_and_output() {
        assertThat(sentences(compare("gpt-4.1", "gpt-4.1-mini"))).contains(
                "GPT-4.1 Mini is 80% cheaper on input tokens ($0.40 vs $2.00 per million): GPT-4.1 costs 5 times as much.",
                "GPT-4.1 Mini is 80% cheaper on output tokens ($1.60 vs $8.00 per million): GPT-4.1 costs 5 times as much.",
                "Both models offer the same 1,047,576-token context window (1.05M).",
                "GPT-4.1 has been superseded by GPT-5.1: for new builds, consider the newer model first.",
                "GPT-4.1 Mini has been superseded by gpt-5-mini: for new builds, consider the newer model first.");
    }

    @Test
    void four_o_mini_is_the_cheaper_one_unlike_seed_004() {
        Comparison c = compare("gpt-4o-mini", "gpt-4.1-mini");
        assertThat(sentences(c)).contains(
                "GPT-4o Mini is 62.5% cheaper on input tokens ($0.15 vs $0.40 per million): GPT-4.1 Mini costs 2.67 times as much.",
                "GPT-4o Mini is 62.5% cheaper on output tokens ($0.60 vs $1.60 per million): GPT-4.1 Mini costs 2.67 times as much.",
                "GPT-4.1 Mini's context window is 8.18 times larger (1,047,576 vs 128,000 tokens).",
                "GPT-4.1 Mini can write 2 times as many tokens per response (32,768 vs 16,384).",
                "GPT-4.1 Mini streams output 17.4% faster (87 vs 74 tokens per second, Artificial Analysis, 2026-07-05).",
                "GPT-4o Mini starts answering sooner (time to first token 0.6 s vs 0.63 s, Artificial Analysis, 2026-07-05).",
                "GPT-4.1 Mini scores higher on simple-evals MMLU (87.5 vs 82).");
        VolumeRow hundredMillion = at(c.volumes().get(0), 100_000_000L);
        assertThat(hundredMillion.costs()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("37.5"), new BigDecimal("100"));
        assertThat(hundredMillion.cheapestModelId()).isEqualTo("gpt-4o-mini");
        // seed 004's other rows, corrected: 50M and 250M tokens a month at 1:1, and 100M at 3:1
        assertThat(at(c.volumes().get(0), 50_000_000L).costs()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("18.75"), new BigDecimal("50"));
        assertThat(at(c.volumes().get(0), 250_000_000L).costs()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("93.75"), new BigDecimal("250"));
        assertThat(at(c.volumes().get(1), 100_000_000L).costs()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("26.25"), new BigDecimal("70"));
    }

    @Test
    void monthly_cost_is_shown_under_both_blends_with_definitions() {
        Comparison c = compare("gpt-4.1", "gpt-4.1-mini");
        Comparison.VolumeTable even = c.volumes().get(0);
        Comparison.VolumeTable aa = c.volumes().get(1);
        assertThat(even.blend()).isEqualTo(Blend.EVEN);
        assertThat(even.definition()).startsWith("1 input token for every output token");
        assertThat(even.rows()).extracting(VolumeRow::tokensPerMonth).containsExactly(1_000_000L, 10_000_000L, 50_000_000L, 100_000_000L, 250_000_000L);
        assertThat(even.rows().get(0).costs()).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("5"), BigDecimal.ONE);
        assertThat(at(even, 100_000_000L).saving()).isEqualByComparingTo("400");
        assertThat(aa.definition()).startsWith("3 input tokens for every output token");
        assertThat(aa.rows().get(0).costs()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3.5"), new BigDecimal("0.7"));
    }

    @Test
    void text_and_image_models_complement_each_other() {
        Comparison c = compare("gpt-4.1-mini", "gpt-image-1-mini");
        assertThat(sentences(c)).containsSubsequence(
                "They are priced in different units, so no single number compares them: GPT-4.1 Mini per token ($0.40 input / $1.60 output per million tokens), "
                        + "GPT Image 1 Mini per image (from $0.005 per low-quality 1024x1024 image).",
                "These are different kinds of model: GPT-4.1 Mini is a text model while GPT Image 1 Mini is an image model, so they often complement each other in a workflow rather than compete.");
        assertThat(sentences(c)).noneMatch(s -> s.contains("output tokens (") || s.contains("cheaper on input tokens"));
        SpecRow image = row(c, "image_price");
        assertThat(image.cells().get(0).known()).isFalse();
        assertThat(image.cells().get(1).text()).isEqualTo("From $0.005 / image");
        assertThat(row(c, "context_window").cells().get(1).text()).isEqualTo("—");
        assertThat(row(c, "status").cells()).extracting(Comparison.Cell::text).containsExactly("Superseded by gpt-5-mini", "Current");
        assertThat(c.scenarios().get(0).cells().get(1).note()).isEqualTo("not a text model");
        assertThat(c.volumes().get(0).rows().get(0).costs().get(1)).isNull();
    }

    @Test
    void long_document_scenario_does_not_fit_a_128k_model() {
        Comparison c = compare("gpt-4o-mini", "gpt-4.1-mini");
        Comparison.ScenarioRow longDoc = c.scenarios().stream().filter(r -> r.scenario().id().equals("long-doc")).findFirst().orElseThrow();
        assertThat(longDoc.cells().get(0).note()).isEqualTo("does not fit: 151,000 tokens (input + output) > context window 128,000");
        assertThat(longDoc.cells().get(0).costPerRequest()).isNull();
        assertThat(longDoc.cells().get(0).fit().exceeds()).isTrue();
        assertThat(longDoc.cells().get(1).fit().fits()).isTrue();
        assertThat(longDoc.cells().get(1).costPerRequest()).isEqualByComparingTo("0.0616"); // 150,000 x 0.40 + 1,000 x 1.60, per million
        assertThat(longDoc.cheapestModelId()).isNull();
    }

    @Test
    void recommendations_and_faqs_come_from_the_figures() {
        Comparison c = compare("gpt-4.1", "gpt-4.1-mini");
        assertThat(c.recommendations()).anySatisfy(r -> {
            assertThat(r.job()).startsWith("Input-heavy");
            assertThat(r.modelId()).isEqualTo("gpt-4.1-mini");
            assertThat(r.reason()).isEqualTo("GPT-4.1 Mini charges $0.40 per million input tokens, against $2.00 for GPT-4.1.");
        });
        assertThat(c.recommendations()).anySatisfy(r -> assertThat(r.job()).isEqualTo("Highest measured quality"));
        assertThat(c.faqs().get(0).answer()).startsWith("GPT-4.1 Mini is cheaper. GPT-4.1: $2.00 input / $8.00 output per million tokens")
                .contains("At 10 million tokens a month (1:1 input:output), that is $50.00 for GPT-4.1 vs $10.00 for GPT-4.1 Mini.");
        assertThat(c.faqs().get(1).answer()).isEqualTo("They are equal: GPT-4.1 and GPT-4.1 Mini each take 1,047,576 tokens.");
    }

    @Test
    void related_comparisons_include_each_successor() {
        Comparison c = compare("gpt-4.1", "gpt-4.1-mini");
        assertThat(c.related()).extracting(Comparison.Related::path).contains("/compare/gpt-4.1-vs-gpt-5.1");
    }

    @Test
    void compare_needs_two_to_five_distinct_models() {
        Model m = gpt41();
        assertThatThrownBy(() -> comparer.compare(List.of(m))).hasMessageContaining("2 to 5 models, got 1");
        assertThatThrownBy(() -> comparer.compare(List.of(m, m))).hasMessageContaining("different models");
    }

    private static VolumeRow at(Comparison.VolumeTable t, long volume) {
        return t.rows().stream().filter(r -> r.tokensPerMonth() == volume).findFirst().orElseThrow();
    }

    private static SpecRow row(Comparison c, String key) {
        return c.specs().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }
}
