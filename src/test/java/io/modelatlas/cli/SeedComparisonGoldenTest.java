package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed pages' comparisons, generated from the real bundled catalog: each golden carries every fact of its seed
 * that the data supports (see SEED-FACTS.md), with the corrections the data demands.
 */
class SeedComparisonGoldenTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    private static String compare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (h, p) -> { }, (d, m, p) -> "", () -> { throw new IllegalStateException("no store in this test"); });
        String[] full = new String[args.length + 3];
        full[0] = "compare";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--format";
        full[args.length + 2] = "markdown";
        assertThat(new Main(ctx).run(full)).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void seed_000_gpt_4_1_vs_gpt_4_1_mini() {
        String md = compare("gpt-4.1", "gpt-4.1-mini");
        assertThat(md).contains(
                "| Input price | $2.00 / 1M tokens | $0.40 / 1M tokens |",
                "| Output price | $8.00 / 1M tokens | $1.60 / 1M tokens |",
                "| Context window | 1,047,576 tokens | 1,047,576 tokens |",
                "GPT-4.1 Mini is 80% cheaper on input tokens ($0.40 vs $2.00 per million): GPT-4.1 costs 5 times as much.",
                "GPT-4.1 Mini is 80% cheaper on output tokens ($1.60 vs $8.00 per million): GPT-4.1 costs 5 times as much.",
                "Both models offer the same 1,047,576-token context window (1.05M).",
                "GPT-4.1 has been superseded by GPT-5.1",
                "GPT-4.1 Mini has been superseded by GPT-5 Mini",
                "| Status | Superseded by GPT-5.1 | Superseded by GPT-5 Mini |",
                "Fine-tuning",
                // seed 002: 1:1 volumes, and the 3:1 blend labelled as such
                "| 1M | $5.00 | $1.00 |", "| 10M | $50.00 | $10.00 |", "| 100M | $500.00 | $100.00 |",
                "At 250M tokens a month, GPT-4.1 Mini saves $1,000.00.",
                "| Blended price per 1M | $3.50 | $0.70 |");
        Golden.assertMatches("cli/compare-gpt-4.1-vs-gpt-4.1-mini.md", md);
    }

    @Test
    void seed_001_gpt_4_1_mini_vs_gpt_image_1_mini() {
        String md = compare("gpt-4.1-mini", "gpt-image-1-mini");
        assertThat(md).contains(
                "| Model type | Text | Image |",
                "| Image generation | — | From $0.005 / image |",
                "| Input price | $0.40 / 1M tokens | $2.00 / 1M tokens |",
                "| Context window | 1,047,576 tokens | — |",
                "| Status | Superseded by GPT-5 Mini | Current |",
                // priced in different units (per token, per image): each in its own, no ratio of a text and an image model's token prices
                "They are priced in different units, so no single number compares them: GPT-4.1 Mini per token ($0.40 input / $1.60 output per million tokens)",
                "These are different kinds of model: GPT-4.1 Mini is a text model while GPT Image 1 Mini is an image model");
        assertThat(md).doesNotContain("cheaper on input tokens");
        Golden.assertMatches("cli/compare-gpt-4.1-mini-vs-gpt-image-1-mini.md", md);
    }

    @Test
    void seed_004_four_o_mini_is_cheaper_not_four_one_mini() {
        String md = compare("gpt-4o-mini", "gpt-4.1-mini");
        assertThat(md).contains(
                "GPT-4o Mini is 62.5% cheaper on input tokens ($0.15 vs $0.40 per million): GPT-4.1 Mini costs 2.67 times as much.",
                "GPT-4o Mini is 62.5% cheaper on output tokens ($0.60 vs $1.60 per million): GPT-4.1 Mini costs 2.67 times as much.",
                "| 100M | $37.50 | $100.00 |", "| 50M | $18.75 | $50.00 |", "| 250M | $93.75 | $250.00 |",
                "GPT-4.1 Mini's context window is 8.18 times larger (1,047,576 vs 128,000 tokens).",
                "GPT-4.1 Mini can write 2 times as many tokens per response (32,768 vs 16,384).",
                "GPT-4.1 Mini streams output 17.4% faster (87 vs 74 tokens per second",
                "GPT-4o Mini starts answering sooner (time to first token 0.6 s vs 0.63 s",
                "| simple-evals MMLU | 82 | 87.5 |",
                "| Release date | July 18, 2024 | April 14, 2025 |");
        assertThat(md).doesNotContain("83%");
        Golden.assertMatches("cli/compare-gpt-4o-mini-vs-gpt-4.1-mini.md", md);
    }
}
