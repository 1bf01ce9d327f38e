package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

/** {@code modelatlas replay}: the report on standard output, the progress bar only where asked for or on a terminal. */
class ReplayCommandTest {
    private static final String LOG = """
            {"model":"gpt-4.1-mini","input_tokens":1000,"output_tokens":500,"cached_input_tokens":400,"timestamp":"2026-05-01T00:00:00Z"}
            {"model":"gpt-4.1-mini","input_tokens":2000,"output_tokens":0,"timestamp":"2026-05-16T00:00:00Z"}
            not json
            {"model":"gpt-4.1-mini","input_tokens":0,"output_tokens":1000,"timestamp":"2026-05-31T00:00:00Z"}
            """;
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

    private Path log() throws IOException {
        return Files.writeString(dir.resolve("usage.jsonl"), LOG);
    }

    @Test
    void piped_output_has_the_report_and_no_progress_bar() throws IOException {
        assertThat(run("replay", log().toString(), "--models", "gpt-4.1-mini,gpt-4o-mini")).isZero();
        assertThat(out.toString()).contains("usage.jsonl: 3 requests, recorded on gpt-4.1-mini, spanning 1.00 months", "line 3: not valid JSON")
                .doesNotContain("\r");
        // surefire pipes standard error, so auto shows nothing
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void threads_give_the_same_report_and_a_negative_count_is_a_usage_error() throws IOException {
        assertThat(run("replay", log().toString(), "--models", "gpt-4.1-mini,gpt-4o-mini", "--format", "json")).isZero();
        String one = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("replay", log().toString(), "--models", "gpt-4.1-mini,gpt-4o-mini", "--format", "json", "--threads", "0")).isZero();
        assertThat(out.toString()).isEqualTo(one).contains("\"requests\" : 3");
        assertThat(run("replay", log().toString(), "--models", "gpt-4.1-mini", "--threads", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--threads must be 0 (one per core) or a number of threads, got -1");
    }

    @Test
    void always_draws_the_bar_on_standard_error_and_wipes_it_before_the_report() throws IOException {
        assertThat(run("replay", log().toString(), "--models", "gpt-4o-mini", "--progress", "always", "--format", "csv")).isZero();
        assertThat(err.toString()).startsWith("\rreading usage.jsonl [").contains("100% of 0.0 MB").endsWith("\r");
        assertThat(out.toString()).startsWith("model,total_usd,").doesNotContain("reading");
    }

    @Test
    void strict_stops_at_the_first_bad_line_with_exit_code_1_and_a_missing_file_is_a_usage_error() throws IOException {
        assertThat(run("replay", log().toString(), "--all", "--strict")).isEqualTo(1);
        assertThat(err.toString()).contains("usage.jsonl line 3: not valid JSON");
        assertThat(run("replay", dir.resolve("missing.jsonl").toString(), "--all")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file: ");
    }

    @Test
    void the_bar_redraws_once_per_whole_percent_and_not_per_read() throws IOException {
        StringWriter screen = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(screen), "reading log", 1_000);
        try (InputStream in = bar.track(new ByteArrayInputStream(new byte[1_000]))) {
            while (in.read() >= 0) {
                // a thousand one-byte reads
            }
        }
        String drawn = screen.toString();
        assertThat(drawn.chars().filter(c -> c == '\r').count()).as("0%% to 100%%").isEqualTo(101);
        assertThat(drawn).contains("\rreading log [###############...............]  50% of 0.0 MB");
        bar.finish();
        assertThat(screen.toString()).endsWith(" \r").hasSize(drawn.length() + 1 + "reading log".length() + 30 + 20 + "0.0 MB".length() + 1);
        assertThat(new String(screen.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("\n");
    }
}
