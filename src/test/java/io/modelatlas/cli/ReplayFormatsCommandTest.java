package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelatlas replay} on other tools' exports: detected or forced with --log-format, and the flags that go with them. */
class ReplayFormatsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51()));
    @TempDir
    Path dir;

    private int run(String... args) {
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (host, port) -> { },
                (d, max, progress) -> "", () -> { throw new IllegalStateException("no store in this test"); });
        return new Main(ctx).run(args);
    }

    private Path fixture(String name, String as) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/replay/" + name)) {
            Path p = dir.resolve(as);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void a_spend_log_is_detected_and_its_logged_cost_checked_in_the_table_and_the_json() throws IOException {
        Path log = fixture("litellm-spend-logs.csv", "spend.csv");

        assertThat(run("replay", log.toString(), "--all", "--top", "2")).isZero();
        assertThat(out.toString()).contains("spend.csv (litellm export): 6 requests", "2 requests differ by more than 1%", "(chatcmpl-9f1c2a10-0003) on gpt-4o-mini",
                "1 lines skipped:", "prompt_tokens must be a non-negative whole number, got 'n/a'", "the 2 cheapest of 4 models priced are shown");

        out.getBuffer().setLength(0);
        assertThat(run("replay", log.toString(), "--models", "gpt-4o-mini", "--format", "json")).isZero();
        // 0.00036 + 0.00029040000000000007 + 0.00175 + 0.00072 + 0.0016 + 0.01, the spend column's text, summed exactly
        assertThat(out.toString()).contains("\"format\" : \"litellm\"", "\"logged_cost_mismatches\" : 2", "\"logged_usd\" : 0.01472040000000000007");
    }

    @Test
    void log_format_forces_the_reader_and_a_wrong_name_is_a_usage_error() throws IOException {
        Path log = fixture("openai-usage-completions.json", "usage.jsonl");

        assertThat(run("replay", log.toString(), "--models", "gpt-4o-mini", "--log-format", "openai-usage")).isZero();
        assertThat(out.toString()).contains("usage.jsonl (openai-usage export): 182 requests");

        assertThat(run("replay", log.toString(), "--models", "gpt-4o-mini", "--log-format", "splunk")).isEqualTo(2);
        assertThat(err.toString()).contains("--log-format: unknown log format 'splunk'; expected auto, jsonl, csv, litellm, openai-usage, openrouter");
    }

    @Test
    void since_and_until_only_go_with_a_database_and_must_be_times() throws IOException {
        Path log = fixture("litellm-spend-logs.csv", "spend.csv");

        assertThat(run("replay", log.toString(), "--models", "gpt-4o-mini", "--since", "2026-05-01")).isEqualTo(2);
        assertThat(err.toString()).contains("--since and --until filter a database's spend logs");
        assertThat(run("replay", "jdbc:postgresql://127.0.0.1:1/litellm", "--models", "gpt-4o-mini", "--until", "May")).isEqualTo(2);
        assertThat(err.toString()).contains("--until must be a day (2026-05-01) or an instant (2026-05-01T00:00:00Z), got 'May'");
        assertThat(run("replay", "jdbc:sqlite:litellm.db", "--models", "gpt-4o-mini")).isEqualTo(2);
        assertThat(err.toString()).contains("expected a jdbc:postgresql: URL");
    }
}
