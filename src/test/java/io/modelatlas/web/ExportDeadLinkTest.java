package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.admin.AdminTokens;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.export.SiteExporter;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A static export read the way a plain web server would serve it: every link in every exported page, stylesheet,
 * script and sitemap leads to a file of the export (a link's query is dropped, as a static server ignores it).
 * Checked on the files written, independently of the exporter's own link check.
 */
class ExportDeadLinkTest {
    private static final String BASE = "https://modelatlas.example";
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"|<loc>([^<]*)</loc>|\"(/(?:static|webjars)/[^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void an_export_over_a_fixed_catalog_has_no_dead_link() throws Exception {
        WebContext ctx = WebContext.of(Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(),
                Fixtures.gptImage1Mini())), Clock.fixed(Instant.parse("2026-08-01T00:00:00Z"), ZoneOffset.UTC), BASE);
        new SiteExporter(StaticSite.of(ctx), 2, null).export(dir, 10_000);
        TreeSet<String> links = assertNoDeadLinks();
        // what used to be dead: the API document the /api page links to, and the builder the nav links to
        assertThat(links).contains("/api/v1/openapi.json", "/compare", "/compare/gpt-4.1-vs-gpt-4.1-mini");
    }

    @Test
    void an_export_over_a_store_with_price_history_has_no_dead_link() throws Exception {
        Store store = Store.open(TestDatabases.newDatabase("sqlite"));
        try {
            StoreBackend backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
            new SiteExporter(StaticSite.of(backend, MiniData.CLOCK, BASE), 2, null).export(dir, 10_000);
            TreeSet<String> links = assertNoDeadLinks();
            assertThat(links).contains("/api/v1/models/gpt-4.1-mini/history");
            assertThat(dir.resolve("api/v1/models/gpt-4.1-mini/history")).content().startsWith("{");
        } finally {
            store.close();
        }
    }

    /** Every link's target exists as a file (a page as its folder's index.html); returns the paths linked. */
    private TreeSet<String> assertNoDeadLinks() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(html|xml|css|js)$")).toList();
        }
        assertThat(files).isNotEmpty();
        TreeSet<String> linked = new TreeSet<>();
        List<String> dead = new ArrayList<>();
        for (Path file : files) {
            Matcher m = LINK.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                String link = raw.replace("&amp;", "&");
                if (link.startsWith(BASE)) {
                    link = link.substring(BASE.length()); // the sitemap and canonical links name the public host
                }
                if (!link.startsWith("/") || link.startsWith("//")) {
                    continue; // another host, a fragment, or data:
                }
                String path = link.replaceAll("[?#].*$", "");
                linked.add(path);
                if (!served(path)) {
                    dead.add(path + " (in " + dir.relativize(file) + ")");
                }
            }
        }
        assertThat(dead).as("links in the export that lead to no file").isEmpty();
        return linked;
    }

    /** What a static web server does with a path: the file itself, else the folder's index.html. */
    private boolean served(String path) {
        String rel = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8).substring(1);
        Path target = rel.isEmpty() ? dir : dir.resolve(rel);
        return Files.isRegularFile(target) || Files.isRegularFile(target.resolve("index.html"));
    }
}
