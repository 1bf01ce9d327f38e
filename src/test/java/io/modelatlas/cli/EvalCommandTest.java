package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.EvalRunner;
import io.modelatlas.eval.FakeOpenAiServer;
import io.modelatlas.eval.openai.OpenAiEndpoints;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import io.modelatlas.tokens.TokenCounters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval commands end to end: suite file, fake endpoints, a real SQLite store; keys never leave the Authorization header. */
class EvalCommandTest {
    private static final String KEY_A = "sk-live-A1b2C3d4E5f6G7h8";
    private static final String KEY_B = "sk-proj-Z9y8X7w6V5u4T3s2";
    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}-\\d{6}-[0-9a-f]{6})");
    private final Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini()));
    private final Map<String, String> env = new HashMap<>();
    private final FakeOpenAiServer serverA = new FakeOpenAiServer(KEY_A);
    private final FakeOpenAiServer serverB = new FakeOpenAiServer(KEY_B);
    private StringWriter out;
    private StringWriter err;
    private String jdbcUrl;
    private Store store;
    private final ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;
    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        jdbcUrl = TestDatabases.newDatabase("sqlite");
        store = Store.open(jdbcUrl);
        env.put("A_KEY", KEY_A);
        env.put("B_KEY", KEY_B);
        serverA.answerAll("The refund window is 30 days.");
        serverB.answerAll("Refunds are possible within 30 days.");
        // whatever the libraries log goes to System.out/err: capture it too
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        System.setOut(realOut);
        System.setErr(realErr);
        serverA.close();
        serverB.close();
        store.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        OpenAiEndpoints endpoints = new OpenAiEndpoints(id -> TokenCounters.forModel(id, catalog.find(id).map(m -> m.tokenizer()).orElse(null)),
                System::nanoTime, clock);
        EvalSupport support = new EvalSupport(store::evalRuns, endpoints, env::get, System::nanoTime, d -> { });
        CliContext ctx = new CliContext(() -> catalog, clock, new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
                (h, p) -> { }, (d, m, p) -> "", () -> { throw new IllegalStateException("no catalog store here"); }, support);
        return new Main(ctx).run(args);
    }

    private Path suite() throws Exception {
        Path f = dir.resolve("support.yaml");
        Files.writeString(f, """
                name: support
                cases:
                  - id: refund
                    prompt: Can I get a refund after {{days}} days?
                    vars: {days: 40}
                    assert:
                      - contains: 30 days
                  - id: window
                    prompt: How long is the refund window?
                    assert:
                      - regex: "\\\\b30\\\\b"
                      - max_cost_usd: 0.01
                  - id: tone
                    prompt: Say sorry.
                    assert:
                      - not_contains: Refunds
                """);
        return f;
    }

    private String target(String name, String model, FakeOpenAiServer server, String keyEnv) {
        return name + "=" + model + "@" + server.baseUrl() + ",key-env=" + keyEnv;
    }

    private String runId() {
        Matcher m = RUN_ID.matcher(err.toString());
        assertThat(m.find()).as("run id in %s", err).isTrue();
        return m.group(1);
    }

    /** Every text the run produced or stored, for the secret checks. */
    private String everything() {
        StringBuilder all = new StringBuilder(out.toString()).append(err).append(systemOut.toString(StandardCharsets.UTF_8))
                .append(systemErr.toString(StandardCharsets.UTF_8));
        Jdbi.create(jdbcUrl).useHandle(h -> {
            for (String table : List.of("eval_run", "eval_target", "eval_case", "eval_result")) {
                h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> all.append(row).append('\n'));
            }
        });
        return all.toString();
    }

    @Test
    void a_run_prints_the_report_and_the_keys_appear_nowhere() throws Exception {
        int code = run("eval", suite().toString(), "--target", target("big", "gpt-4.1", serverA, "A_KEY"),
                "--target", target("mini", "gpt-4.1-mini", serverB, "B_KEY"), "--volume", "1000000");
        assertThat(code).as(err.toString()).isZero();
        String id = runId();
        assertThat(out.toString()).contains("Run " + id + ": suite support, 3 cases, completed", "big", "gpt-4.1-mini",
                "mini passes 2 of big's 3 passing cases at 20% of the cost.", "Cases where the targets differ (1):", "tone",
                "does not contain \"Refunds\" (found in the answer)");
        assertThat(err.toString()).contains("[6/6]");
        assertThat(serverA.received().get(0).authorization()).isEqualTo("Bearer " + KEY_A);

        assertThat(run("eval-report", id, "--format", "json")).isZero();
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.path("run_id").asText()).isEqualTo(id);
        assertThat(json.path("targets").path(0).path("key_env").asText()).isEqualTo("A_KEY");
        assertThat(json.path("verdicts").path(0).path("cost_ratio").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(run("eval-report")).isZero();
        assertThat(out.toString()).contains(id, "big, mini", "6/6", "completed");

        assertThat(everything()).doesNotContain(KEY_A).doesNotContain(KEY_B).doesNotContain("A1b2C3d4");
    }

    @Test
    void a_rejected_key_fails_the_run_without_showing_the_key_and_a_resume_after_the_fix_sends_only_what_is_missing() throws Exception {
        String wrong = "sk-wrong-Q1w2E3r4T5y6";
        env.put("B_KEY", wrong);
        int code = run("eval", suite().toString(), "--target", target("big", "gpt-4.1", serverA, "A_KEY"),
                "--target", target("mini", "gpt-4.1-mini", serverB, "B_KEY"));
        assertThat(code).isEqualTo(Main.FAILURE);
        String id = runId();
        assertThat(err.toString()).contains("error: the run did not complete: target mini: auth rejected (HTTP 401): Incorrect API key provided: ***",
                "fix it and resume the run");
        assertThat(everything()).doesNotContain(wrong).doesNotContain(KEY_A).doesNotContain(KEY_B);
        assertThat(serverA.requests()).isEqualTo(3);

        env.put("B_KEY", KEY_B);
        assertThat(run("eval", "--resume", id)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("resuming run " + id);
        assertThat(serverA.requests()).as("big's completed cases are not sent again").isEqualTo(3);
        assertThat(out.toString()).contains("completed", "mini passes 2 of big's 3 passing cases");
        assertThat(everything()).doesNotContain(wrong).doesNotContain(KEY_B);
    }

    @Test
    void the_report_table_of_a_fixed_run_matches_its_golden() throws Exception {
        io.modelatlas.eval.EvalRun golden = io.modelatlas.eval.GoldenRun.create(store.evalRuns(), catalog, dir);
        assertThat(run("eval-report", golden.id())).isZero();
        io.modelatlas.testing.Golden.assertMatches("cli/eval-report.txt", out.toString());
        assertThat(run("eval-report", golden.id(), "--volume", "10")).isZero();
        assertThat(out.toString()).contains("Monthly cost at 10 requests a month.");
    }

    @Test
    void the_json_list_of_runs_is_the_apis_contract() throws Exception {
        io.modelatlas.eval.GoldenRun.create(store.evalRuns(), catalog, dir);
        assertThat(run("eval-report", "--format", "json")).isZero();
        // the same golden as GET /api/v1/evals (EvalPagesTest): the CLI and the web write one record
        io.modelatlas.testing.Golden.assertMatches("api/evals.json", out.toString());
    }

    @Test
    void a_missing_key_variable_stops_before_anything_is_sent_or_stored() throws Exception {
        env.remove("B_KEY");
        int code = run("eval", suite().toString(), "--target", target("big", "gpt-4.1", serverA, "A_KEY"),
                "--target", target("mini", "gpt-4.1-mini", serverB, "B_KEY"));
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("target mini: the environment variable B_KEY (its key-env) is not set");
        assertThat(serverA.requests()).isZero();
        assertThat(store.evalRuns().list(10)).isEmpty();
    }

    @Test
    void bad_input_names_what_is_wrong_with_exit_code_2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "cases:\n  - id: a\n    prompt: hi\n    assert:\n      - regex: '(unclosed'\n");
        assertThat(run("eval", bad.toString(), "--target", target("a", "gpt-4.1", serverA, "A_KEY"))).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("bad.yaml:5: cases[0].assert[0].regex: not a valid regular expression");

        assertThat(run("eval", suite().toString(), "--target", "a=gpt-4.1@ftp://example.com")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--target a: expected MODEL@BASE_URL with an http:// or https:// base URL");

        assertThat(run("eval", suite().toString(), "--target", "a=gpt-4.1@https://sk-secret:x@example.com/v1")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("the base URL must not carry credentials").doesNotContain("sk-secret");

        Path judged = dir.resolve("judged.yaml");
        Files.writeString(judged, "cases:\n  - id: a\n    prompt: hi\n    assert:\n      - judge: Polite.\n");
        assertThat(run("eval", judged.toString(), "--target", target("a", "gpt-4.1", serverA, "A_KEY"))).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("the suite has judge assertions: name the grading model with --judge");

        assertThat(run("eval", "--resume", "20990101-000000-abcdef")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("no eval run '20990101-000000-abcdef'");

        assertThat(run("eval", suite().toString(), "--target", target("a", "gpt-4.1", serverA, "A_KEY"), "--retry-errors")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--retry-errors goes with --resume RUN_ID");
        assertThat(serverA.requests()).isZero();
    }
}
