package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.GoldenRun;
import io.modelatlas.export.SiteExporter;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export-site renders pages in process instead of over HTTP; this holds it to its promise: every file it writes has
 * exactly the bytes a running server answers for that path, with and without a store (price history).
 */
class ExportMatchesServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String BASE = "https://modelatlas.example";

    @TempDir
    Path dir;
    @TempDir
    Path suiteDir;

    @Test
    void every_exported_file_is_what_the_server_serves_for_a_fixed_catalog() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-08-01T00:00:00Z"), ZoneOffset.UTC);
        WebContext ctx = WebContext.of(Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(),
                Fixtures.gptImage1Mini())), clock, BASE);
        Javalin server = WebApp.create(ctx).start("127.0.0.1", 0);
        try {
            List<String> paths = exportAndCompare(StaticSite.of(ctx), server);
            assertThat(paths).contains("/", "/models", "/models/gpt-4.1-mini", "/compare/gpt-4.1-vs-gpt-4.1-mini", "/calculator",
                    "/data-quality", "/api", "/sitemap.xml", "/robots.txt", "/static/app.css", "/static/app.js", "/changes", "/changes.atom", "/evals");
            // the nav links to /evals on every page: without a store it says the site keeps no runs, rather than 404
            assertThat(Files.readString(dir.resolve("evals/index.html"))).contains("This site keeps no runs: it has no store.");
            // the JSON a page links to is written, so the copy has no dead link; the rest of the API needs a server
            assertThat(dir.resolve("api/v1/openapi.json")).exists();
            assertThat(dir.resolve("api/v1/compare")).doesNotExist();
        } finally {
            server.stop();
        }
    }

    @Test
    void every_exported_file_is_what_the_server_serves_over_a_store_with_price_history() throws Exception {
        Store store = Store.open(TestDatabases.newDatabase("sqlite"));
        StoreBackend backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        EvalRun run = GoldenRun.create(store.evalRuns(), backend.catalog().catalog(), suiteDir);
        Javalin server = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, BASE, 0).start("127.0.0.1", 0);
        try {
            List<String> paths = exportAndCompare(StaticSite.of(backend, MiniData.CLOCK, BASE), server);
            assertThat(paths).contains("/models/gpt-4.1-mini", "/data-quality", "/changes", "/changes.atom",
                    "/evals", "/evals/" + run.id(), "/api/v1/evals/" + run.id());
            assertThat(Files.readString(dir.resolve("models/gpt-4.1-mini/index.html")))
                    .contains("Price history").contains("href=\"/api/v1/models/gpt-4.1-mini/history\"");
        } finally {
            server.stop();
            store.close();
        }
    }

    /** Exports the site, then GETs every written path from the server and compares bytes; returns the paths. */
    private List<String> exportAndCompare(StaticSite site, Javalin server) throws Exception {
        SiteExporter.Result result = new SiteExporter(site, 2, null).export(dir, 10_000);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSize(result.pages() + result.files());
        List<String> paths = new ArrayList<>();
        for (Path file : files) {
            String path = sitePath(file);
            HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).as(path).isEqualTo(200);
            assertThat(Files.readAllBytes(file)).as("exported %s is what the server serves", path).isEqualTo(served.body());
            paths.add(path);
        }
        return paths;
    }

    /** models/gpt-4.1/index.html is the page /models/gpt-4.1; index.html is /; other files keep their path. */
    private String sitePath(Path file) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        if (rel.equals("index.html")) {
            return "/";
        }
        return "/" + (rel.endsWith("/index.html") ? rel.substring(0, rel.length() - "/index.html".length()) : rel);
    }
}
