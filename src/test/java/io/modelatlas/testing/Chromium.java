package io.modelatlas.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright, launched the one way every browser test needs: headless, nothing
 * downloaded, no background traffic. Tests are skipped (not failed) where chromium is not installed;
 * {@code scripts/test} installs it.
 */
public final class Chromium implements AutoCloseable {
    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        assumeTrue(Files.isExecutable(EXECUTABLE), "Debian's chromium is not installed: scripts/test installs it");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(FLAGS)));
    }

    public Browser browser() {
        return browser;
    }

    /** A page at this width (900 px high) that collects what went wrong on it; see {@link WatchedPage}. */
    public WatchedPage open(int width) {
        return WatchedPage.of(browser.newPage(new Browser.NewPageOptions().setViewportSize(width, 900)));
    }

    /**
     * A page with the console errors, uncaught exceptions and failed loads (HTTP 4xx and 5xx, favicon included)
     * it has seen, so a test can assert there were none.
     */
    public record WatchedPage(Page page, List<String> problems) {
        public static WatchedPage of(Page page) {
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    problems.add(m.text() + " " + m.location());
                }
            });
            page.onPageError(problems::add);
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    problems.add(r.status() + " " + r.url());
                }
            });
            return new WatchedPage(page, problems);
        }
    }

    /** A full-page screenshot kept as a test artifact under {@code target/DIR/NAME.png}. */
    public static void screenshot(Page page, String dir, String name) {
        try {
            Files.createDirectories(Path.of("target", dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", dir, name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
