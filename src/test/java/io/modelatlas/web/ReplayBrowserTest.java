package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.javalin.Javalin;
import io.modelatlas.testing.Chromium;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code /replay} upload page in Debian's chromium driven by Playwright: a plain form post of a file, the figures
 * and the chart of the report, bad lines by number, and a file over the limit. Screenshots go to target/screenshots/.
 */
class ReplayBrowserTest {
    private static Javalin app;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));
        app = WebApp.create(WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "http://127.0.0.1"))
                .start("127.0.0.1", 0);
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
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    @Test
    void uploading_a_log_shows_the_figures_and_draws_the_chart() throws IOException {
        for (int width : new int[] {390, 1280}) {
            Chromium.WatchedPage watched = chromium.open(width);
            Page page = watched.page();
            page.navigate(url("/replay"));
            assertThat(page.locator("main p.definition").textContent()).contains("Logs of up to 50 MB");
            page.fill("input[name=models]", "gpt-4.1-mini, gpt-4o-mini");
            page.setInputFiles("input[name=log]", new FilePayload("usage.jsonl", "application/x-ndjson", ReplayWebTest.LOG.getBytes(StandardCharsets.UTF_8)));
            page.click("form.replay button[type=submit]");
            page.waitForURL("**/replay");
            page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('replay-chart'))");

            assertThat(page.locator("#report-title").textContent()).isEqualTo("usage.jsonl: 3 requests, recorded on gpt-4.1-mini, spanning 1.00 months");
            // cheapest first: id, total, per 1K requests, ..., p50, p95, max
            assertThat(page.locator("table.replay-results tbody tr").first().locator("td").allTextContents())
                    .containsExactly("gpt-4o-mini", "$0.00", "$0.44", "$0.00", "$0.00042", "$0.0006", "$0.0006", "0", "0", "$0.00");
            assertThat(page.locator("table.replay-results tbody tr").nth(1).locator("td").nth(2).textContent()).isEqualTo("$1.16");
            assertThat(page.evaluate("() => Chart.getChart(document.getElementById('replay-chart')).data.labels.join(',')"))
                    .isEqualTo("gpt-4o-mini,gpt-4.1-mini");
            assertThat(page.evaluate("() => Chart.getChart(document.getElementById('replay-chart')).data.datasets[0].data.join(',')"))
                    .isEqualTo("0.00132,0.00348");
            assertThat(page.locator("ul.problems li").allTextContents()).hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("line 3: not valid JSON"))
                    .contains("line 4: input_tokens must be a non-negative whole number, got -3");
            assertThat(page.locator("input[name=models]").inputValue()).as("the form keeps its models").isEqualTo("gpt-4.1-mini, gpt-4o-mini");
            assertThat(watched.problems()).isEmpty();
            Chromium.screenshot(page, "screenshots", "replay-" + width);
            page.close();
        }
    }

    @Test
    void a_file_over_the_limit_gets_a_clear_error_page() throws IOException {
        Path big = Files.createTempFile("replay-too-large", ".jsonl");
        try {
            byte[] line = "{\"model\":\"gpt-4o-mini\",\"input_tokens\":1000,\"output_tokens\":100}\n".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(big)) {
                for (long written = 0; written <= ReplayRoutes.DEFAULT_LIMIT; written += line.length) {
                    out.write(line);
                }
            }
            Page page = browser.newPage();
            page.navigate(url("/replay"));
            page.setInputFiles("input[name=log]", big);
            page.click("form.replay button[type=submit]");
            page.waitForURL("**/replay");
            assertThat(page.locator("h1").textContent()).isEqualTo("Upload too large");
            assertThat(page.locator("main").textContent()).contains("larger than the limit of 50 MB");
            page.close();
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
