package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.fixtures.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));

    private int run(String... args) {
        return new Main(context(out, err)).run(args);
    }

    private int run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private static CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(() -> CATALOG, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (host, port) -> out.write("serving " + host + ":" + port),
                (dir, max, progress) -> "exported to " + dir, () -> { throw new IllegalStateException("no store in this test"); });
    }

    /** The path of every command and subcommand, the root first (an empty path), found by walking picocli's tree. */
    static Stream<List<String>> everyCommand() {
        List<List<String>> paths = new ArrayList<>();
        collect(new Main(context(new StringWriter(), new StringWriter())).commandLine(), List.of(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, List.copyOf(subPath), paths);
        });
    }

    @Test
    void each_command_is_listed_under_its_own_name_so_a_run_can_build_it_alone() {
        CliContext context = context(new StringWriter(), new StringWriter());
        for (Object command : Commands.all(context)) {
            String name = command.getClass().getAnnotation(CommandLine.Command.class).name();
            assertThat(Commands.named(name, context)).as(name).isInstanceOf(command.getClass());
        }
        assertThat(Commands.named("no-such-command", context)).isNull();
    }

    @Test
    void a_misspelt_command_still_gets_suggestions_from_every_command() {
        assertThat(run("cots", "gpt-4.1")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("cost");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void every_command_prints_its_usage_for_help_and_exits_0(List<String> path) {
        String usage = ("Usage: modelatlas " + String.join(" ", path)).strip() + " ";

        assertThat(run(concat(path, "--help"))).isZero();
        assertThat(out.toString()).startsWith(usage).contains("-h, --help");
        assertThat(err.toString()).isEmpty();
        String helpOption = out.toString();

        out.getBuffer().setLength(0);
        assertThat(run(concat(List.of("help"), path.toArray(String[]::new)))).isZero();
        assertThat(out.toString()).isEqualTo(helpOption);
        assertThat(err.toString()).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(run(concat(path, "--version"))).isZero();
        assertThat(out.toString()).isEqualTo("ModelAtlas 0.1.0" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    private static List<String> concat(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void help_covers_every_command_and_the_commands_with_required_parameters() {
        assertThat(everyCommand().map(p -> String.join(" ", p)))
                .contains("", "cost", "tokens", "import", "eval", "eval-report", "admin", "admin create-token", "help");
    }

    @Test
    void usage_errors_still_exit_2_with_the_usage_on_stderr() {
        assertThat(run("cost")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required parameter: 'MODEL'").contains("Usage: modelatlas cost ");
        assertThat(run("admin", "create-token")).isEqualTo(2);
        assertThat(run("models", "--no-such-option")).isEqualTo(2);
        assertThat(run("help", "admin", "no-such-command")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'admin no-such-command'; the commands of admin are: create-token, revoke-token");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void help_lists_every_command() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("models", "show", "compare", "cost", "serve");
    }

    @Test
    void prices_are_headed_with_the_units_the_sheet_has() {
        assertThat(run("show", "gpt-image-1-mini")).isZero();
        assertThat(out.toString()).contains("Prices (openai/gpt-image-1-mini, per 1M tokens, images per image)")
                .contains("low 1024x1024      $0.005 per image");
        out.getBuffer().setLength(0);
        assertThat(run("show", "gpt-4.1-mini")).isZero();
        assertThat(out.toString()).contains("Prices (openai/gpt-4.1-mini, per 1M tokens)");
        // DALL-E 3 is priced per image only: no line of it is per 1M tokens
        assertThat(showBundled("dall-e-3", "2026-11-23")).contains("Prices (openai/dall-e-3, per image)").contains("standard 1024x1792 $0.08 per image");
    }

    @Test
    void a_shutdown_day_that_has_passed_is_said_in_the_past() {
        // LiteLLM announces 2026-05-01 for Claude 3 Opus
        assertThat(showBundled("claude-3-opus-20240229", "2026-11-23")).contains("deprecated, shut down on 2026-05-01");
        assertThat(showBundled("claude-3-opus-20240229", "2026-01-15")).contains("deprecated, shuts down on 2026-05-01");
    }

    /** {@code show MODEL} on the bundled catalog, on the given day. */
    private String showBundled(String model, String day) {
        StringWriter bundled = new StringWriter();
        CliContext real = new CliContext(io.modelatlas.catalog.source.CatalogLoader::loadBundled, Clock.fixed(Instant.parse(day + "T00:00:00Z"), ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(bundled), new PrintWriter(err), (host, port) -> { },
                (dir, max, progress) -> "", () -> { throw new IllegalStateException("no store in this test"); });
        assertThat(new Main(real).run(new String[] {"show", model})).isZero();
        return bundled.toString();
    }

    @Test
    void cost_prints_an_exact_breakdown() {
        assertThat(run("cost", "gpt-4.1-mini", "--input-tokens", "1000", "--cached-input-tokens", "400", "--output-tokens", "500")).isZero();
        // 600 x 0.40 + 400 x 0.10 + 500 x 1.60, per million = 0.00024 + 0.00004 + 0.0008
        assertThat(out.toString()).contains("GPT-4.1 Mini (openai/gpt-4.1-mini), standard tier", "exact: 0.00108", "cached_input");
    }

    @Test
    void cost_on_the_batch_tier_uses_batch_prices() {
        assertThat(run("cost", "GPT-4.1", "--input-tokens", "1000000", "--output-tokens", "1000000", "--tier", "batch")).isZero();
        assertThat(out.toString()).contains("batch tier", "exact: 5");
    }

    @Test
    void unknown_model_exits_2_with_suggestions() {
        assertThat(run("cost", "gpt-4.1-mnii", "--input-tokens", "1", "--output-tokens", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown model 'gpt-4.1-mnii'", "did you mean gpt-4.1-mini");
    }

    @Test
    void bad_usage_exits_2_naming_the_input() {
        assertThat(run("cost", "gpt-4.1", "--input-tokens", "10", "--cached-input-tokens", "20", "--output-tokens", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot exceed input tokens (10)");
        assertThat(run("cost", "gpt-4.1", "--input-tokens", "10", "--output-tokens", "1", "--tier", "turbo")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown service tier 'turbo'");
        assertThat(run("compare", "gpt-4.1")).isEqualTo(2);
    }

    @Test
    void image_model_has_no_token_output_price_so_cost_fails_without_a_zero() {
        assertThat(run("cost", "gpt-image-1-mini", "--input-tokens", "10", "--output-tokens", "10")).isEqualTo(1);
        assertThat(err.toString()).contains("no output price is known");
        assertThat(out.toString()).doesNotContain("$0.00");
    }

    @Test
    void compare_markdown_states_the_right_direction() {
        assertThat(run("compare", "gpt-4o-mini", "gpt-4.1-mini", "--format", "markdown")).isZero();
        assertThat(out.toString()).contains("# GPT-4o Mini vs GPT-4.1 Mini",
                "GPT-4.1 Mini costs 2.67 times as much", "| 100M | $37.50 | $100.00 |");
    }

    @Test
    void compare_markdown_escapes_table_pipes_and_markup_in_names() {
        Model hostile = Fixtures.text("evil-model", "Evil | <img src=x> *bold* [link](x) \\ end", "1", "2", "0.5", 128_000L, 16_000L,
                "2025-01", "2024-06", io.modelatlas.catalog.Status.current(), List.of());
        Catalog withHostile = Catalog.of(List.of(Fixtures.gpt41Mini(), hostile));
        CliContext ctx = new CliContext(() -> withHostile, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (host, port) -> { },
                (dir, max, progress) -> "", () -> { throw new IllegalStateException("no store in this test"); });

        assertThat(new Main(ctx).run("compare", "evil-model", "gpt-4.1-mini", "--format", "markdown")).as(err.toString()).isZero();

        String escaped = "Evil \\| \\<img src=x\\> \\*bold\\* \\[link\\](x) \\\\ end";
        assertThat(out.toString()).contains("| Spec | " + escaped + " | GPT-4.1 Mini |", "- **" + escaped + "** (`evil-model`, OpenAI)")
                .doesNotContain(" <img").doesNotContain("Evil |");
        assertThat(out.toString().lines().filter(l -> l.startsWith("| Spec |"))).allSatisfy(l -> assertThat(l.split("(?<!\\\\)\\|")).hasSize(4));
    }

    @Test
    void tokens_counts_a_file_exactly_and_says_so(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("prompt.txt");
        java.nio.file.Files.writeString(f, "hello world");
        assertThat(run("tokens", "--encoding", "cl100k_base", "--ids", f.toString())).isZero();
        assertThat(out.toString()).contains("2 tokens (exact: tiktoken cl100k_base)", "[15339, 1917]");
        assertThat(run("tokens", "--model", "gpt-4.1-mini", f.toString())).isZero();
        assertThat(out.toString()).contains("2 tokens (exact: tiktoken o200k_base");
        assertThat(run("tokens", dir.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
        assertThat(run("tokens", "--encoding", "o300k", f.toString())).isEqualTo(2);
    }

    @Test
    void serve_hands_host_and_port_to_the_launcher() {
        assertThat(run("serve", "--port", "9999")).isZero();
        assertThat(out.toString()).isEqualTo("serving 127.0.0.1:9999");
    }
}
