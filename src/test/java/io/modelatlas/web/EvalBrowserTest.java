package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.javalin.Javalin;
import io.modelatlas.testing.Chromium;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.GoldenRun;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An eval run's page in Debian's chromium: verdict, figures, marked differences, the volume form; phone and desktop screenshots. */
class EvalBrowserTest {
    private static Store store;
    private static Javalin app;
    private static Chromium chromium;
    private static Browser browser;
    private static EvalRun run;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        StoreBackend backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        run = GoldenRun.create(store.evalRuns(), backend.catalog().catalog(), dir);
        app = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "http://127.0.0.1", 0).start("127.0.0.1", 0);
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
        if (store != null) {
            store.close();
        }
    }

    @Test
    void the_run_page_shows_the_verdict_the_figures_and_the_marked_differences_at_phone_and_desktop_width() throws Exception {
        for (int width : new int[] {390, 1280}) {
            Chromium.WatchedPage watched = chromium.open(width);
            Page page = watched.page();
            page.navigate("http://127.0.0.1:" + app.port() + "/evals/" + run.id());

            assertThat(page.locator(".verdict").first().textContent()).isEqualTo("gpt-4.1-mini passes 2 of gpt-4.1's 3 passing cases at 18% of the cost.");
            assertThat(page.locator("#targets tbody tr").count()).isEqualTo(2);
            assertThat(page.locator("#targets tbody tr").nth(0).locator("td").last().textContent()).isEqualTo("$207.33");
            assertThat(page.locator("#case-refund-json .answer").nth(1).locator("mark").allTextContents()).contains("\"30\"}\n```");
            assertThat((Boolean) page.evaluate("() => getComputedStyle(document.querySelector('pre.output mark')).backgroundColor !== 'rgba(0, 0, 0, 0)'")).isTrue();
            // nothing wider than the screen but the scrolling table
            assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(width);

            page.fill("#volume", "10000");
            page.click("form.volume button");
            page.waitForURL("**/evals/" + run.id() + "?volume=10000");
            assertThat(page.locator("#targets thead th").last().textContent()).isEqualTo("Monthly at 10,000");
            assertThat(page.locator("#targets tbody tr").nth(0).locator("td").last().textContent()).isEqualTo("$2.07");
            assertThat(watched.problems()).isEmpty();
            Chromium.screenshot(page, "screenshots", "eval-run-" + width);
            page.close();
        }
    }
}
