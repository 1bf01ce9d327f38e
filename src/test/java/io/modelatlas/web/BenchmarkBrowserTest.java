package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.testing.Chromium;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quality-vs-price chart in a real browser over a small hand-made board: drawn, log price axis, accessible. */
class BenchmarkBrowserTest {
    private static final Leaderboard BOARD = new Leaderboard("test-accuracy", "Test", "Tester", "here", "accuracy", "%", true, false, BenchmarkKind.QUALITY);
    private static Javalin app;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        Provenance row = new Provenance("Tester", "row", LocalDate.of(2026, 1, 1));
        // blended 1:1 from the fixtures: GPT-4o Mini $0.375, GPT-4.1 Mini $1.00, GPT-4.1 $5.00, GPT-5.1 $5.625; GPT Image 1 Mini unpriced
        List<LeaderboardScore> scores = List.of(
                new LeaderboardScore(BOARD.id(), "gpt-4o-mini", null, "", "4o-mini", new BigDecimal("60"), null, null, row),
                new LeaderboardScore(BOARD.id(), "gpt-4.1-mini", null, "", "4.1-mini", new BigDecimal("70"), null, null, row),
                new LeaderboardScore(BOARD.id(), "gpt-4.1", null, "", "4.1", new BigDecimal("65"), null, null, row),
                new LeaderboardScore(BOARD.id(), "gpt-5.1", null, "high", "5.1-high", new BigDecimal("80"), null, null, row),
                new LeaderboardScore(BOARD.id(), "gpt-image-1-mini", null, "", "image", new BigDecimal("10"), null, null, row));
        Leaderboards boards = new Leaderboards(List.of(BOARD), scores);
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()),
                List.of(), c -> boards);
        app = WebApp.create(WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "http://127.0.0.1"))
                .start("127.0.0.1", 0);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    @Test
    void the_chart_plots_priced_models_on_a_log_axis_with_the_frontier_and_no_console_errors() {
        Chromium.WatchedPage watched = chromium.open(1280);
        Page page = watched.page();
        page.navigate(url("/benchmarks/test-accuracy"));
        String chart = "Chart.getChart(document.querySelector('canvas.quality-chart'))";
        page.waitForFunction("() => window.Chart && " + chart);

        assertThat(page.evaluate("() => " + chart + ".options.scales.x.type")).isEqualTo("logarithmic");
        // frontier: GPT-4o Mini ($0.375, 60), GPT-4.1 Mini ($1, 70), GPT-5.1 ($5.625, 80); GPT-4.1 ($5, 65) is beaten by GPT-4.1 Mini
        assertThat(page.evaluate("() => " + chart + ".data.datasets.map(d => d.data.map(p => p.label).join('+')).join('|')"))
                .isEqualTo("GPT-4o Mini+GPT-4.1 Mini+GPT-5.1 (high)|GPT-4.1");
        assertThat(page.locator("details.chart-data td:has-text('price unknown')").count()).isEqualTo(1);
        assertThat(watched.problems()).isEmpty();
        Chromium.screenshot(page, "screenshots", "benchmark-test-accuracy-1280");
        page.close();
    }

    @Test
    void benchmark_pages_have_no_serious_or_critical_accessibility_violations() throws Exception {
        for (String path : List.of("/benchmarks", "/benchmarks/test-accuracy", "/models/gpt-4.1")) {
            try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(390, 900))) {
                Page page = context.newPage();
                page.navigate(url(path));
                try (var in = BenchmarkBrowserTest.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
                    page.addScriptTag(new Page.AddScriptTagOptions().setContent(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
                String report = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, {resultTypes: ['violations']})).violations)");
                List<String> serious = new ArrayList<>();
                for (JsonNode v : new ObjectMapper().readTree(report)) {
                    if (List.of("serious", "critical").contains(v.path("impact").asText())) {
                        v.path("nodes").forEach(n -> serious.add(v.path("id").asText() + " at " + n.path("target")));
                    }
                }
                assertThat(serious).as("axe violations on %s", path).isEmpty();
            }
        }
    }
}
