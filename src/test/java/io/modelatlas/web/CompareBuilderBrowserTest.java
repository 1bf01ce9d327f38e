package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.testing.Chromium;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison builder in a real browser: pick three models from the suggestions, reorder them, open the shared
 * URL elsewhere; the cache slider; and the same form with JavaScript off.
 */
class CompareBuilderBrowserTest {
    private static Javalin app;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini(),
                CompareBuilderWebTest.ACME));
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

    /** Types into a model field and picks the suggestion for {@code id}. */
    private static void pick(Page page, String field, String typed, String id) {
        page.fill("form.builder input[name=" + field + "]", typed);
        page.click("form.builder input[name=" + field + "] ~ ul.suggest button[data-id=\"" + id + "\"]");
        assertThat(page.inputValue("form.builder input[name=" + field + "]")).isEqualTo(id);
    }

    private static List<String> columnHeads(Page page) {
        return page.locator("table.spec thead th[scope=col]").allTextContents().stream().skip(1).toList();
    }

    @Test
    void pick_three_models_reorder_them_and_share_the_url() {
        for (int width : new int[] {390, 1280}) {
            Chromium.WatchedPage watched = chromium.open(width);
            Page page = watched.page();
            page.navigate(url("/compare"));
            pick(page, "m1", "4o", "gpt-4o-mini");
            pick(page, "m2", "gpt-4.1", "gpt-4.1");
            pick(page, "m3", "4.1 mini", "gpt-4.1-mini");
            // GPT-4.1 Mini up one place: it is now second, GPT-4.1 third
            page.click("form.builder button[aria-label=\"Move model 3 up\"]");
            assertThat(page.inputValue("input[name=m2]")).isEqualTo("gpt-4.1-mini");
            assertThat(page.inputValue("input[name=m3]")).isEqualTo("gpt-4.1");
            Chromium.screenshot(page, "screenshots", "compare-builder-" + width);
            page.click("form.builder button[type=submit]");
            page.waitForURL("**/compare?models=gpt-4o-mini,gpt-4.1-mini,gpt-4.1");

            List<String> order = List.of("GPT-4o Mini", "GPT-4.1 Mini", "GPT-4.1");
            assertThat(page.locator("h1").textContent()).isEqualTo("GPT-4o Mini vs GPT-4.1 Mini vs GPT-4.1");
            assertThat(columnHeads(page)).isEqualTo(order);
            assertThat(page.locator("ul.diffs li").first().textContent())
                    .isEqualTo("Cheapest on input tokens: GPT-4o Mini ($0.15 per million); dearest: GPT-4.1 ($2.00, 13.33 times as much).");
            assertThat(watched.problems()).isEmpty();

            // the shared URL, opened by someone else, shows the same order
            String shared = page.url();
            try (BrowserContext other = browser.newContext()) {
                Page theirs = other.newPage();
                theirs.navigate(shared);
                assertThat(theirs.locator("h1").textContent()).isEqualTo("GPT-4o Mini vs GPT-4.1 Mini vs GPT-4.1");
                assertThat(columnHeads(theirs)).isEqualTo(order);
                // the page names its own address (under the configured base URL) for sharing
                assertThat(theirs.locator("p.share a").textContent()).isEqualTo("http://127.0.0.1" + shared.substring(shared.indexOf("/compare")));
            }
            page.close();
        }
    }

    @Test
    void the_cache_slider_reprices_the_monthly_costs() {
        Chromium.WatchedPage watched = chromium.open(1280);
        Page page = watched.page();
        page.navigate(url("/compare/acme-lite-vs-gpt-4.1-mini"));
        String hundredMillion = "table.money >> nth=0 >> tr:has(th:text-is('100M tokens / month')) >> td";
        // no cache: GPT-4.1 Mini (0.40 + 1.60) / 2 x 100 = $100.00, Acme Lite (1 + 2) / 2 x 100 = $150.00
        assertThat(page.locator(hundredMillion).allTextContents()).containsExactly("$150.00", "$100.00");
        page.locator("form.builder input.cache-slider").fill("50");
        assertThat(page.inputValue("form.builder input[name=cache_hit]")).isEqualTo("50");
        page.click("form.builder button[type=submit]");
        page.waitForURL("**/compare/acme-lite-vs-gpt-4.1-mini?cache_hit=50");
        // half the input of GPT-4.1 Mini at $0.10 cached: (0.5 x 0.10 + 0.5 x 0.40 + 1.60) / 2 x 100 = $92.50; Acme Lite has no cached price
        assertThat(page.locator(hundredMillion).allTextContents()).containsExactly("$150.00", "$92.50");
        assertThat(page.locator("ul.cache-notes li").first().textContent()).isEqualTo("Acme Lite: no cached-input price: all input tokens at the full input price.");
        assertThat(page.inputValue("form.builder input.cache-slider")).isEqualTo("50");
        assertThat(watched.problems()).isEmpty();
        page.close();
    }

    @Test
    void without_javascript_the_form_still_builds_the_comparison_and_says_what_is_wrong() {
        try (BrowserContext noJs = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = noJs.newPage();
            page.navigate(url("/compare"));
            assertThat(page.locator("ul.suggest").count()).isZero();
            page.fill("input[name=m1]", "GPT-4.1 Mini");
            page.fill("input[name=m2]", "gpt-4o-mnii");
            page.click("form.builder button[type=submit]");
            assertThat(page.locator("#m2-error").textContent()).startsWith("No model is called 'gpt-4o-mnii'");
            page.click("ul.picks a:text-is('GPT-4o Mini')");
            // in canonical order already, so the pair's own path
            page.waitForURL("**/compare/gpt-4.1-mini-vs-gpt-4o-mini");
            assertThat(page.locator("h1").textContent()).isEqualTo("GPT-4.1 Mini vs GPT-4o Mini");
        }
    }
}
