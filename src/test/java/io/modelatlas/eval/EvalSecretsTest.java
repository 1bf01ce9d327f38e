package io.modelatlas.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.cli.CliContext;
import io.modelatlas.cli.EvalSupport;
import io.modelatlas.cli.Main;
import io.modelatlas.eval.FakeOpenAi.Reply;
import io.modelatlas.eval.openai.OpenAiEndpoints;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import io.modelatlas.tokens.TokenCounters;
import io.modelatlas.web.WebApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints whose 200 answers echo the request's Authorization header, run end to end: the CLI with a real SQLite
 * store, then the stored run's reports and public pages. No part of the key may reach any of them.
 */
class EvalSecretsTest {
    private static final String KEY = "sk-echo-7Qm2Zp9Xw4Lk8Rt3Vb6N";
    private static final String SUITE = """
            name: echoes
            cases:
              - id: html-page
                prompt: html
                assert: [{contains: ok}]
              - id: broken-event
                prompt: sse
                assert: [{contains: ok}]
              - id: plain-text
                prompt: plain
                assert: [{contains: ok}]
              - id: echoing-answer
                prompt: answer
                assert: [{contains: valid}]
            """;
    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}-\\d{6}-[0-9a-f]{6})");
    private final Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini()));
    private final FakeOpenAi server = new FakeOpenAi(KEY);
    private final String jdbcUrl = TestDatabases.newDatabase("sqlite");
    private final Store store = Store.open(jdbcUrl);
    private StringWriter out;
    private StringWriter err;
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        server.close();
        store.close();
    }

    /** What a gateway in front of the model might send back with a 200, each quoting the request's Authorization header. */
    private static Reply echo(FakeOpenAi.Request r) {
        String auth = r.authorization();
        return switch (r.userMessage()) {
            case "html" -> Reply.raw("text/html; charset=utf-8", "<!doctype html><html><body><h1>Upstream debug</h1><table>"
                    + "<tr><td>Authorization</td><td>" + auth + "</td></tr></table><pre>POST /v1/chat/completions\nAuthorization: " + auth
                    + "\n</pre><p>cached key " + KEY.substring(0, 17) + "...</p></body></html>");
            case "sse" -> Reply.raw("text/event-stream", "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n"
                    + "data: {\"debug\": {\"request_headers\": {\"authorization\": \"" + auth + "\"}\n\n");
            case "plain" -> Reply.raw("text/plain", "upstream accepted " + auth + "; key " + KEY + " has 3 days left");
            default -> Reply.text("Your request came with " + auth + " and the key " + KEY + " is valid.");
        };
    }

    private int cli(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        OpenAiEndpoints endpoints = new OpenAiEndpoints(id -> TokenCounters.forEncoding("o200k_base"), System::nanoTime, GoldenRun.CLOCK);
        EvalSupport support = new EvalSupport(store::evalRuns, endpoints, Map.of("ECHO_KEY", KEY)::get, System::nanoTime, d -> { });
        CliContext ctx = new CliContext(() -> catalog, GoldenRun.CLOCK, new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), (h, p) -> { }, (d, m, p) -> "", () -> { throw new IllegalStateException("no catalog store here"); }, support);
        return new Main(ctx).run(args);
    }

    @Test
    void a_key_echoed_in_200_answers_appears_in_no_report_no_stored_result_and_no_page() throws Exception {
        server.script(EvalSecretsTest::echo);
        Path suite = dir.resolve("echoes.yaml");
        Files.writeString(suite, SUITE);
        String url = server.baseUrl().toString();
        int code = cli("eval", suite.toString(), "--target", "streamed=gpt-4.1-mini@" + url + ",key-env=ECHO_KEY",
                "--target", "whole=gpt-4.1-mini@" + url + ",key-env=ECHO_KEY,stream=false", "--retries", "0", "--timeout", "10");
        assertThat(code).as(err.toString()).isZero();
        assertThat(server.received()).hasSize(8).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
        Matcher m = RUN_ID.matcher(err.toString());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        StringBuilder all = new StringBuilder("printed report:\n").append(out).append(err);

        assertThat(cli("eval-report", id, "--format", "json")).isZero();
        all.append("\nJSON report:\n").append(out);
        assertThat(cli("eval-report", id)).isZero();
        all.append("\nreport:\n").append(out);
        Jdbi.create(jdbcUrl).useHandle(h -> {
            for (String table : List.of("eval_run", "eval_target", "eval_case", "eval_result")) {
                h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> all.append(row).append('\n'));
            }
        });
        all.append(pages(id));

        String everything = all.toString();
        for (int i = 0; i + 8 <= KEY.length(); i++) {
            assertThat(everything).as("a piece of the key: %s", KEY.substring(i, i + 8)).doesNotContain(KEY.substring(i, i + 8));
        }
        // still useful: what went wrong, with the credential masked
        List<CaseResult> results = store.evalRuns().results(id);
        assertThat(results).hasSize(8);
        assertThat(results).filteredOn(r -> r.caseId().equals("html-page")).allSatisfy(r ->
                assertThat(r.error()).startsWith("bad response (HTTP 200): the answer is not JSON: <!doctype html>").contains("<td>Bearer ***</td>"));
        assertThat(results).filteredOn(r -> r.caseId().equals("broken-event")).allSatisfy(r ->
                assertThat(r.error()).startsWith("bad response (HTTP 200): a stream event is not JSON:").contains("\"authorization\": \"***\""));
        assertThat(results).filteredOn(r -> r.caseId().equals("echoing-answer")).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CaseStatus.PASSED);
            assertThat(r.output()).isEqualTo("Your request came with Bearer *** and the key *** is valid.");
        });
    }

    /** The run's public page and API answer, from a server over the same store. */
    private String pages(String id) throws Exception {
        StoreBackend backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        Javalin app = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "https://modelatlas.example", 0).start("127.0.0.1", 0);
        try {
            StringBuilder text = new StringBuilder();
            for (String path : List.of("/evals/" + id, "/api/v1/evals/" + id)) {
                // a connection that is closed after each page, so that the server stops at once instead of waiting for it
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + app.port() + path).toURL().openConnection();
                try (InputStream body = c.getInputStream()) {
                    assertThat(c.getResponseCode()).as(path).isEqualTo(200);
                    text.append('\n').append(path).append(":\n").append(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                } finally {
                    c.disconnect();
                }
            }
            return text.toString();
        } finally {
            app.stop();
        }
    }
}
