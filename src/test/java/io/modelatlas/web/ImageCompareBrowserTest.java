package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.fixtures.ImageFixtures;
import io.modelatlas.testing.Chromium;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An image-model comparison in Debian's chromium (set up as {@link BrowserTest} does): the per-image and images-a-month
 * tables render with the figures, without token tables or the token cost chart, without console errors, and without
 * serious accessibility violations. Screenshots go to target/screenshots/.
 */
class ImageCompareBrowserTest {
    private static Javalin app;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gptImage1Mini(), ImageFixtures.gptImage1()));
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
    void image_comparison_shows_per_image_and_monthly_tables_instead_of_token_tables() {
        for (int width : new int[] {390, 1280}) {
            Chromium.WatchedPage watched = chromium.open(width);
            Page page = watched.page();
            page.navigate(url("/compare/gpt-image-1-vs-gpt-image-1-mini"));

            assertThat(page.locator("h1").textContent()).isEqualTo("GPT Image 1 vs GPT Image 1 Mini");
            assertThat(page.locator("#image-prices thead th").allTextContents())
                    .containsExactly("Quality, size", "GPT Image 1", "GPT Image 1 Mini", "Cheaper");
            // five variants, low to high; the mini sells no high quality and no 1536x1024
            assertThat(page.locator("#image-prices tbody th").allTextContents())
                    .containsExactly("low, 1024x1024", "low, 1024x1536", "medium, 1024x1024", "medium, 1536x1024", "high, 1024x1024");
            assertThat(page.locator("#image-prices tbody tr").first().locator("td").allTextContents())
                    .containsExactly("$0.011", "$0.005", "GPT Image 1 Mini");
            assertThat(page.locator("#image-prices tbody tr").last().locator("td").allTextContents())
                    .containsExactly("$0.167", "not offered", "—");
            // three volumes per variant; 100,000 low 1024x1024 images: $1,100 against $500
            assertThat(page.locator("#image-monthly tbody tr").count()).isEqualTo(15);
            assertThat(page.locator("#image-monthly tbody tr").nth(2).textContent())
                    .contains("100,000", "low, 1024x1024", "$1,100.00", "$500.00", "GPT Image 1 Mini saves $600.00");
            assertThat(page.locator("#image-prices").isVisible()).isTrue();
            assertThat(page.locator("#cost-chart").count()).isZero();
            assertThat(page.getByText("price unknown").count()).isZero();
            assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("Scenarios")).count()).isZero();
            assertThat(watched.problems()).isEmpty();
            Chromium.screenshot(page, "screenshots", "compare-images-" + width);
            page.close();
        }
    }

    @Test
    void a_text_model_beside_an_image_model_reads_not_an_image_model() {
        Chromium.WatchedPage watched = chromium.open(1280);
        Page page = watched.page();
        page.navigate(url("/compare/gpt-4.1-mini-vs-gpt-image-1-mini"));
        assertThat(page.locator("#image-prices tbody tr").first().locator("td").allTextContents())
                .containsExactly("not an image model", "$0.005", "—");
        // the token chart still draws the text model; the image model is named as priced per image, not unknown
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('cost-chart'))");
        assertThat(page.getByText("priced per image").count()).isPositive();
        assertThat(watched.problems()).isEmpty();
        Chromium.screenshot(page, "screenshots", "compare-text-and-image-1280");
        page.close();
    }

    @Test
    void the_image_tables_have_no_serious_accessibility_violations() throws Exception {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(390, 900))) {
            Page page = context.newPage();
            page.navigate(url("/compare/gpt-image-1-vs-gpt-image-1-mini"));
            String axe;
            try (var in = ImageCompareBrowserTest.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
                axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
            String report = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, {resultTypes: ['violations']})).violations)");
            List<String> serious = new ArrayList<>();
            for (JsonNode v : new ObjectMapper().readTree(report)) {
                if (List.of("serious", "critical").contains(v.path("impact").asText())) {
                    v.path("nodes").forEach(n -> serious.add(v.path("id").asText() + " " + n.path("target")));
                }
            }
            assertThat(serious).isEmpty();
        }
    }
}
