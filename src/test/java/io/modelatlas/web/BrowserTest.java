package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.javalin.Javalin;
import io.modelatlas.testing.Chromium;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import io.modelatlas.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The site in a real browser: Debian's chromium driven by Playwright. Screenshots at phone and desktop width are kept
 * in target/screenshots/ as test artifacts.
 */
class BrowserTest {
    private static Javalin app;
    private static Javalin storeApp;
    private static Store store;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));
        app = WebApp.create(WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "http://127.0.0.1"))
                .start("127.0.0.1", 0);
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        StoreBackend backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        // a price change, so that the model page has a price history chart as well as its table
        backend.catalog().importFile("litellm", "litellm-new.json", MiniData.litellmWithMiniInput("2.5e-07"), java.time.LocalDate.of(2026, 11, 22), false, "test");
        storeApp = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "http://127.0.0.1", 0).start("127.0.0.1", 0);
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.stop();
        }
        if (storeApp != null) {
            storeApp.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    private static String storeUrl(String path) {
        return "http://127.0.0.1:" + storeApp.port() + path;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    @Test
    void comparison_page_shows_the_figures_and_draws_the_cost_chart_without_console_errors() throws Exception {
        for (int width : new int[] {390, 1280}) {
            Chromium.WatchedPage watched = chromium.open(width);
            Page page = watched.page();
            page.navigate(url("/compare/gpt-4o-mini-vs-gpt-4.1-mini"));
            page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('cost-chart'))");

            assertThat(page.locator("h1").textContent()).isEqualTo("GPT-4.1 Mini vs GPT-4o Mini");
            assertThat(page.locator("ul.diffs li").first().textContent())
                    .isEqualTo("GPT-4o Mini is 62.5% cheaper on input tokens ($0.15 vs $0.40 per million): GPT-4.1 Mini costs 2.67 times as much.");
            Object datasets = page.evaluate("() => Chart.getChart(document.getElementById('cost-chart')).data.datasets.map(d => d.label + ':' + d.data[3])");
            assertThat(datasets.toString()).contains("GPT-4.1 Mini:100", "GPT-4o Mini:37.5");
            assertThat((Integer) page.evaluate("() => document.getElementById('cost-chart').getBoundingClientRect().height")).isGreaterThan(100);
            assertThat(watched.problems()).isEmpty();
            Chromium.screenshot(page, "screenshots", "compare-" + width);
            page.close();
        }
    }

    @Test
    void directory_filter_form_narrows_the_list_and_keeps_state_in_the_url() {
        Page page = browser.newPage();
        page.navigate(url("/models"));
        assertThat(page.locator("table.directory tbody tr").count()).isEqualTo(5);
        page.selectOption("select[name=type]", "image_generation");
        page.click("form.filters button[type=submit]");
        page.waitForURL("**/models?**type=image_generation**");
        assertThat(page.locator("table.directory tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("table.directory tbody tr td a").textContent()).isEqualTo("GPT Image 1 Mini");
        assertThat(page.locator("select[name=type]").inputValue()).isEqualTo("image_generation");
        page.close();
    }

    @Test
    void calculator_figures_and_chart_follow_the_inputs() {
        Chromium.WatchedPage watched = chromium.open(1280);
        Page page = watched.page();
        page.navigate(url("/calculator?requests_per_day=1000&input_tokens=1000&output_tokens=0&models=gpt-4.1-mini,gpt-4o-mini"));
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('calc-chart'))");
        assertThat(page.locator("table.calc-results td.month").allTextContents()).containsExactly("$4.50", "$12.00");
        page.fill("input[name=output_tokens]", "1000");
        page.fill("input[name=requests_per_day]", "2000");
        page.click("form.calc button[type=submit]");
        page.waitForURL("**output_tokens=1000**");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('calc-chart'))");
        // 60,000 requests x (1,000 x 0.15 + 1,000 x 0.60) per million = $45.00; GPT-4.1 Mini: x (0.40 + 1.60) = $120.00
        assertThat(page.locator("table.calc-results td.month").allTextContents()).containsExactly("$45.00", "$120.00");
        assertThat(page.evaluate("() => Chart.getChart(document.getElementById('calc-chart')).data.datasets[0].data.join(',')")).isEqualTo("45,120");
        assertThat(watched.problems()).isEmpty();
        page.close();
    }

    /**
     * axe-core (vendored in src/test/resources/vendor/axe-core) run on each kind of page at phone and desktop width.
     * Serious and critical violations fail the test; the full report, minor findings included, is kept in
     * target/axe/ next to the screenshots.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/models", "/models/gpt-4.1", "/compare/gpt-4.1-vs-gpt-4.1-mini",
            "/calculator?models=gpt-4.1-mini,gpt-4o-mini", "/models/no-such-model",
            "/compare", "/compare?m1=gpt-4.1&m2=gpt-4o-mnii", "/compare?models=gpt-4o-mini,gpt-4.1,gpt-4.1-mini&cache_hit=50"})
    void pages_have_no_serious_or_critical_accessibility_violations(String path) throws Exception {
        assertNoSeriousViolations(url(path), path);
    }

    /**
     * The pages a store adds: the model page with its price history (table and chart) and the data-quality page,
     * served over a real SQLite store seeded with the mini data set's dated source copies.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/models/gpt-4.1-mini", "/data-quality"})
    void store_pages_have_no_serious_or_critical_accessibility_violations(String path) throws Exception {
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(storeUrl(path))).build(), HttpResponse.BodyHandlers.ofString()).body();
        if (path.startsWith("/models/")) {
            assertThat(page).as("the page under test shows a price history").contains("Price history").contains("id=\"history-chart\"");
        }
        assertNoSeriousViolations(storeUrl(path), "store" + path);
    }

    private void assertNoSeriousViolations(String url, String path) throws Exception {
        for (int width : new int[] {390, 1280}) {
            // the site's CSP forbids inline scripts, so the injected checker needs the page's CSP bypassed
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(width, 900))) {
                Chromium.WatchedPage watched = Chromium.WatchedPage.of(context.newPage());
                Page page = watched.page();
                page.navigate(url);
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
                String report = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, {resultTypes: ['violations']})).violations)");
                String name = path.replaceAll("[^a-z0-9.]+", "_") + "-" + width;
                Files.createDirectories(Path.of("target", "axe"));
                Files.writeString(Path.of("target", "axe", name + ".json"), report);
                List<String> serious = seriousViolations(report);
                assertThat(serious).as("axe violations on %s at %dpx", path, width).isEmpty();
                if (!path.contains("no-such-model") && !path.contains("mnii")) { // those pages are a 404 and a 400 on purpose
                    assertThat(watched.problems()).as("console errors and failed loads on %s", path).isEmpty();
                }
                Chromium.screenshot(page, "axe", name);
            }
        }
    }

    private static String axeSource() throws Exception {
        try (var in = BrowserTest.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** One line per serious or critical violation and node: rule, impact, selector and axe's summary of the fix. */
    private static List<String> seriousViolations(String report) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode v : new ObjectMapper().readTree(report)) {
            if (!List.of("serious", "critical").contains(v.path("impact").asText())) {
                continue;
            }
            for (JsonNode n : v.path("nodes")) {
                out.add(v.path("id").asText() + " (" + v.path("impact").asText() + ") at " + n.path("target") + ": " + n.path("failureSummary").asText());
            }
        }
        return out;
    }

    @Test
    void keyboard_users_can_skip_to_the_content() {
        Page page = browser.newPage();
        page.navigate(url("/models/gpt-4.1"));
        page.keyboard().press("Tab");
        assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Skip to content");
        page.close();
    }
}
