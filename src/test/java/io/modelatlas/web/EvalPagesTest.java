package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.api.EvalRunJson;
import io.modelatlas.api.Json;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.GoldenRun;
import io.modelatlas.eval.Pricer;
import io.modelatlas.eval.RunReport;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import io.modelatlas.testing.Golden;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval run's report as JSON and as pages, golden from a scripted run with a fixed clock; the pages are read-only. */
class EvalPagesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Store store;
    private static Javalin app;
    private static StoreBackend backend;
    private static EvalRun run;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        run = GoldenRun.create(store.evalRuns(), backend.catalog().catalog(), dir);
        app = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "https://modelatlas.example", 0).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_run_report_json_matches_its_golden_and_the_api_serves_the_same() throws Exception {
        RunReport report = RunReport.of(run, store.evalRuns().results(run.id()), run.settings().monthlyVolume(), new Pricer(backend.catalog().catalog()));
        String json = GoldenRun.normalise(Json.write(EvalRunJson.from(report)));
        Golden.assertMatches("eval/run-report.json", json + "\n");
        HttpResponse<String> api = send("GET", "/api/v1/evals/" + run.id());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(GoldenRun.normalise(api.body())).isEqualTo(json);
        assertThat(json).doesNotContain("sk-golden-never-shown");
    }

    @Test
    void the_run_page_matches_its_golden_and_marks_the_words_that_differ() throws Exception {
        HttpResponse<String> page = send("GET", "/evals/" + run.id());
        assertThat(page.statusCode()).isEqualTo(200);
        Golden.assertMatches("web/eval-run.html", GoldenRun.normalise(page.body()));
        assertThat(page.body()).contains("gpt-4.1-mini passes 2 of gpt-4.1&#39;s 3 passing cases at 18% of the cost.", "<mark>")
                .doesNotContain("sk-golden-never-shown");
    }

    @Test
    void the_monthly_projection_follows_the_volume_parameter_and_a_bad_one_is_a_400() throws Exception {
        JsonNode at1m = Json.mapper().readTree(send("GET", "/api/v1/evals/" + run.id()).body());
        JsonNode at10 = Json.mapper().readTree(send("GET", "/api/v1/evals/" + run.id() + "?volume=10").body());
        assertThat(at10.path("monthly_volume").asLong()).isEqualTo(10);
        assertThat(at10.at("/targets/0/monthly_cost_usd").decimalValue().multiply(java.math.BigDecimal.valueOf(100_000)))
                .isEqualByComparingTo(at1m.at("/targets/0/monthly_cost_usd").decimalValue());
        HttpResponse<String> bad = send("GET", "/api/v1/evals/" + run.id() + "?volume=lots");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.mapper().readTree(bad.body()).path("parameter").asText()).isEqualTo("volume");
    }

    @Test
    void an_unknown_run_is_a_404_and_the_pages_take_no_writes() throws Exception {
        HttpResponse<String> api = send("GET", "/api/v1/evals/20990101-000000-nope00");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(api.body()).path("detail").asText()).isEqualTo("no eval run '20990101-000000-nope00'");
        HttpResponse<String> page = send("GET", "/evals/..%2F..%2Fetc");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            assertThat(send(method, "/evals").statusCode()).as(method).isIn(404, 405);
            assertThat(send(method, "/api/v1/evals/" + run.id()).statusCode()).as(method).isIn(404, 405);
        }
        assertThat(store.evalRuns().list(10)).hasSize(1);
    }

    @Test
    void the_list_page_and_the_list_api_match_their_goldens_and_link_every_run() throws Exception {
        // the run's id and time are GoldenRun's fixed ones and the site's clock is fixed: nothing to normalise
        HttpResponse<String> list = send("GET", "/evals");
        assertThat(list.statusCode()).isEqualTo(200);
        Golden.assertMatches("web/evals.html", list.body());
        assertThat(list.body()).contains("<a href=\"/evals/" + run.id() + "\">" + run.id() + "</a>", "support-triage", "gpt-4.1 vs gpt-4.1-mini", "6 of 6");
        HttpResponse<String> api = send("GET", "/api/v1/evals");
        assertThat(api.statusCode()).isEqualTo(200);
        // the same golden as eval-report --format json (EvalCommandTest): one contract; the CLI ends its line
        Golden.assertMatches("api/evals.json", api.body() + "\n");
        JsonNode runs = Json.mapper().readTree(api.body()).path("runs");
        assertThat(runs.path(0).path("id").asText()).isEqualTo(run.id());
        assertThat(runs.path(0).path("status").asText()).as("written as the run report writes it").isEqualTo(run.status().label());
    }

    @Test
    void a_server_without_a_store_says_it_keeps_no_runs_where_the_nav_leads() throws Exception {
        Javalin bare = WebApp.create(WebContext.of(backend.catalog().catalog(), MiniData.CLOCK, "https://modelatlas.example")).start("127.0.0.1", 0);
        try {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + "/evals")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<a href=\"/evals\">Evals</a>", "This site keeps no runs: it has no store.").doesNotContain("No runs yet");
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + "/api/v1/evals")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(api.body()).contains("/problems/no-store", "no price history, eval runs or admin API");
        } finally {
            bare.stop();
        }
    }
}
