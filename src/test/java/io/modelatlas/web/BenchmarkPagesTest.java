package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.compare.QualityVsPrice;
import io.modelatlas.export.SiteSource;
import io.modelatlas.testing.Golden;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark pages over the bundled catalog: goldens of the pages and their JSON, the 404, and the links to them. */
class BenchmarkPagesTest {
    private static Javalin app;
    private static Catalog catalog;
    private static WebContext ctx;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        catalog = CatalogLoader.loadBundled();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        ctx = WebContext.of(catalog, clock, "https://modelatlas.example");
        app = WebApp.create(ctx).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void pages_and_json_match_their_golden_files() throws Exception {
        Golden.assertMatches("web/benchmarks.html", ok("/benchmarks"));
        Golden.assertMatches("web/benchmark-lmarena-text-full.html", ok("/benchmarks/lmarena-text-full"));
        Golden.assertMatches("api/benchmarks.json", ok("/api/v1/benchmarks"));
        Golden.assertMatches("api/benchmark-epoch-gpqa-diamond.json", ok("/api/v1/benchmarks/epoch-gpqa-diamond"));
    }

    @Test
    void the_list_groups_benchmarks_by_publisher_and_attributes_the_unlicensed_ones() throws Exception {
        String body = ok("/benchmarks");
        assertThat(body).containsSubsequence("<h2>LMArena</h2>", "<h2>LiveBench 2026-01-08</h2>", "<h2>LiveBench 2025-12-23</h2>", "<h2>Aider</h2>",
                "<h2>Epoch AI</h2>", "<h2>Vectara</h2>", "<h2>openai/simple-evals</h2>");
        assertThat(body).contains("“Scores from LMArena (lmarena.ai) text leaderboard”", "No licence file: LiveBench/livebench.github.io has none",
                "Apache-2.0 (LICENSE.txt of Aider-AI/aider)", "<a href=\"/benchmarks/epoch-gpqa-diamond\">",
                "github.com/lmarena/arena-catalog@c9558b60647217fafa878cb7ee14f8f43c355594");
        assertThat(ok("/models")).contains("<a href=\"/benchmarks\">Benchmarks</a>");
    }

    @Test
    void a_leaderboard_ranks_best_first_with_the_score_exactly_as_published() throws Exception {
        Leaderboard full = catalog.leaderboards().benchmark("lmarena-text-full").orElseThrow();
        var best = catalog.leaderboards().scores(full.id()).stream().max((a, b) -> a.score().compareTo(b.score())).orElseThrow();
        String body = ok("/benchmarks/lmarena-text-full");
        assertThat(body).contains("<tr><td>1</td><th scope=\"row\"><a href=\"/models/" + best.modelId() + "\">",
                "<td>" + best.scoreText() + "</td><td>" + best.lower().toPlainString() + "–" + best.upper().toPlainString() + "</td>");
        assertThat(body).contains("class=\"quality-chart\"", "On the frontier", "price unknown");
    }

    @Test
    void the_chart_table_marks_exactly_the_frontier_the_core_computes() throws Exception {
        QualityVsPrice q = QualityVsPrice.of(catalog, catalog.leaderboards().benchmark("epoch-gpqa-diamond").orElseThrow()).orElseThrow();
        String body = ok("/benchmarks/epoch-gpqa-diamond");
        int yes = body.split("</td><td>yes</td></tr>", -1).length - 1;
        assertThat(yes).isEqualTo(q.frontierPoints().size()).isPositive();
        assertThat(q.frontierPoints().size()).isLessThan(q.priced().size());
    }

    @Test
    void a_descriptive_benchmark_has_a_leaderboard_and_no_chart() throws Exception {
        String body = ok("/benchmarks/vectara-average-summary-length-words");
        assertThat(body).contains("<td>—</td>", "descriptive").doesNotContain("quality-chart", "Quality vs price");
    }

    @Test
    void unknown_benchmark_is_a_404_problem_naming_id_with_suggestions() throws Exception {
        HttpResponse<String> api = get("/api/v1/benchmarks/lmarena-text-ful");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = Json.mapper().readTree(api.body());
        assertThat(problem.path("parameter").asText()).isEqualTo("id");
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unknown-benchmark");
        assertThat(problem.path("suggestions").get(0).asText()).isEqualTo("lmarena-text-full");

        HttpResponse<String> page = get("/benchmarks/lmarena-text-ful");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Unknown benchmark</h1>", "href=\"/benchmarks/lmarena-text-full\"", "<a href=\"/benchmarks\">Browse all benchmarks</a>")
                .doesNotContain("href=\"/models/lmarena-text-full\"");
    }

    @Test
    void comparison_pages_chart_quality_against_price_on_their_shared_headline_benchmark() throws Exception {
        String body = ok("/compare/gpt-4.1-vs-gpt-4.1-mini");
        assertThat(body).contains("Quality vs price: <a href=\"/benchmarks/lmarena-text-full\">", "(compared)</small>");
        // the no-JS table keeps the compared models and the frontier only
        QualityVsPrice q = QualityVsPrice.of(catalog, catalog.leaderboards().benchmark("lmarena-text-full").orElseThrow()).orElseThrow();
        String table = body.substring(body.indexOf("The compared models and the frontier as a table"));
        int rows = table.substring(0, table.indexOf("</table>")).split("<tr><th scope=\"row\">", -1).length - 1;
        long compared = q.priced().stream().filter(p -> !p.frontier() && (p.modelId().equals("gpt-4.1") || p.modelId().equals("gpt-4.1-mini"))).count();
        assertThat(rows).isEqualTo(q.frontierPoints().size() + compared);
    }

    @Test
    void model_pages_and_json_list_every_leaderboard_score() throws Exception {
        int scores = catalog.leaderboards().scoresOf("gpt-4.1").size();
        String body = ok("/models/gpt-4.1");
        assertThat(body).contains("<h2>Leaderboard scores</h2>", "<details><summary>LiveBench 2025-04-25 (")
                .containsSubsequence("<h3>LMArena</h3>", "LiveBench", "<h3>Aider</h3>");
        String section = body.substring(body.indexOf("id=\"leaderboard-scores\""), body.indexOf("</section>", body.indexOf("id=\"leaderboard-scores\"")));
        assertThat(section.split("<tr><th scope=\"row\"><a href=\"/benchmarks/", -1).length - 1).isEqualTo(scores);
        JsonNode json = Json.mapper().readTree(ok("/api/v1/models/gpt-4.1"));
        assertThat(json.path("leaderboard_scores").size()).isEqualTo(scores).isPositive();
    }

    @Test
    void sitemap_and_static_export_include_the_benchmark_pages_as_served() throws Exception {
        assertThat(ok("/sitemap.xml")).contains("<loc>https://modelatlas.example/benchmarks</loc>",
                "<loc>https://modelatlas.example/benchmarks/epoch-gpqa-diamond</loc>");
        StaticSite site = StaticSite.of(ctx);
        for (String path : new String[] {"/benchmarks", "/benchmarks/lmarena-text-full", "/api/v1/benchmarks", "/api/v1/benchmarks/epoch-gpqa-diamond"}) {
            SiteSource.Resource exported = site.get(path).orElseThrow();
            assertThat(new String(exported.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(ok(path));
        }
        assertThat(site.get("/benchmarks/nope")).isEmpty();
    }
}
