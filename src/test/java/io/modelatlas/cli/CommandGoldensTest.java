package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goldens for the read-only commands that no feature test pinned byte for byte: {@code models}, {@code show},
 * {@code cost}, {@code tokens}, {@code replay} and {@code discrepancies}, over the fixture catalog (not the bundled one, so a data
 * refresh does not move them). {@link CommandGoldenCoverageTest} checks that every command has a golden.
 */
class CommandGoldensTest {
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));

    private static String ok(String stdin, String... args) {
        return ok(CATALOG, stdin, args);
    }

    private static String ok(Catalog catalog, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err), (h, p) -> { },
                (d, m, p) -> "", () -> { throw new IllegalStateException("no store in this test"); });
        int code = new Main(ctx).run(args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(Main.OK);
        return out.toString();
    }

    @Test
    void models_lists_the_catalog_as_text_and_json() {
        Golden.assertMatches("cli/models.txt", ok("", "models"));
        Golden.assertMatches("cli/models-chat-by-price.json", ok("", "models", "--type", "chat", "--sort", "input-price", "--format", "json"));
    }

    @Test
    void show_prints_a_model_with_its_sources() {
        Golden.assertMatches("cli/show-gpt-4.1-mini.txt", ok("", "show", "gpt-4.1-mini"));
    }

    @Test
    void cost_prints_the_lines_of_a_batch_request_with_cached_input() {
        Golden.assertMatches("cli/cost-gpt-4.1-batch.txt", ok("", "cost", "gpt-4.1", "--input-tokens", "10000", "--output-tokens", "2000",
                "--cached-input-tokens", "4000", "--tier", "batch"));
    }

    @Test
    void tokens_counts_standard_input() {
        Golden.assertMatches("cli/tokens-stdin.txt", ok("The cheapest model that passes the eval wins.\nPrices are per 1M tokens.\n", "tokens", "--encoding", "o200k_base", "-"));
        // the API's record (POST /api/v1/tokens), with the ids the CLI can add
        Golden.assertMatches("cli/tokens-stdin.json", ok("Prix: 5 € par million.\n", "tokens", "--model", "gpt-4.1-mini", "--ids", "--format", "json", "-"));
    }

    @Test
    void discrepancies_lists_where_sources_disagree() {
        Model mini = Fixtures.gpt41Mini();
        // the knowledge cutoff as OpenRouter gives it differs from models.dev's
        Model disputed = new Model(mini.id(), mini.displayName(), mini.creatorId(), mini.creatorName(), mini.family(), mini.aliases(), mini.type(),
                mini.description(), mini.releaseDate(),
                new Fact<>(PartialDate.parse("2024-04"), Fixtures.MODELSDEV, List.of(new Fact.Alternative<>(PartialDate.parse("2024-06-30"), Fixtures.OPENROUTER))),
                mini.inputModalities(), mini.outputModalities(), mini.contextWindow(), mini.maxInputTokens(), mini.maxOutputTokens(), mini.capabilities(),
                mini.endpoints(), mini.status(), mini.benchmarks(), mini.strengths(), mini.bestFor(), mini.offerings(), mini.tokenizer());
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), disputed, Fixtures.gpt4oMini()));
        String report = ok(catalog, "", "discrepancies");
        assertThat(report).contains("2024-06-30");
        Golden.assertMatches("cli/discrepancies.txt", report);
        // OpenRouter's figure was read after models.dev's (2026-08-01 against 2026-07-02): show says it is the newer one
        assertThat(ok(catalog, "", "show", "gpt-4.1-mini"))
                .contains("also June 30, 2024 [openrouter fixture (2026-08-01)], newer");
        assertThat(ok(catalog, "", "compare", "gpt-4.1", "gpt-4.1-mini", "--format", "markdown"))
                .contains("June 30, 2024 (openrouter, newer)");
    }

    @Test
    void replay_reports_a_usage_log_on_two_models(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("usage.jsonl"), """
                {"model":"gpt-4.1-mini","input_tokens":1000,"output_tokens":500,"cached_input_tokens":400,"timestamp":"2026-05-01T00:00:00Z"}
                {"model":"gpt-4.1-mini","input_tokens":2000,"output_tokens":0,"timestamp":"2026-05-16T00:00:00Z"}
                not json
                {"model":"gpt-4.1-mini","input_tokens":0,"output_tokens":1000,"timestamp":"2026-05-31T00:00:00Z"}
                """);
        // the temporary folder differs per run; the report names the file
        Golden.assertMatches("cli/replay-usage.txt", ok("", "replay", log.toString(), "--models", "gpt-4.1-mini,gpt-4o-mini").replace(dir.toString(), "DIR"));
    }
}
