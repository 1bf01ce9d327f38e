package io.modelatlas.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteExporterTest {
    @TempDir
    Path tmp;

    /** A site from a map of path to body; the type follows the extension as the server's does. */
    private static SiteSource site(Map<String, String> pages) {
        return path -> Optional.ofNullable(pages.get(path)).map(body -> new SiteSource.Resource(
                path.endsWith(".xml") ? "application/xml" : path.endsWith(".css") ? "text/css" : path.endsWith(".txt") ? "text/plain" : "text/html;charset=utf-8",
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static SiteExporter exporter(Map<String, String> pages) {
        return new SiteExporter(site(pages), 2, null);
    }

    @Test
    void exports_every_linked_page_and_asset_as_files() throws Exception {
        Path dir = tmp.resolve("site");
        StringWriter bar = new StringWriter();
        SiteExporter.Result r = new SiteExporter(site(Map.of(
                "/", "<a href=\"/models/gpt-4.1\">m</a><link href=\"/static/app.css\"><a href=\"/models?page=2\">next</a><a href=\"https://example.com/\">x</a>",
                "/models/gpt-4.1", "<a href=\"/compare/gpt-4.1-vs-gpt-4.1-mini\">c</a><a href=\"#faq\">faq</a>",
                "/compare/gpt-4.1-vs-gpt-4.1-mini", "<a href=\"../models/gpt-4.1\">back</a>",
                "/static/app.css", "body{background:url(\"/static/bg.svg\")}",
                "/static/bg.svg", "<svg/>",
                "/sitemap.xml", "<urlset><url><loc>https://modelatlas.example/models/gpt-4.1</loc></url></urlset>",
                "/robots.txt", "User-agent: *")), 2, new PrintWriter(bar)).export(dir, 100);

        assertThat(r.pages()).isEqualTo(4); // /, the model, the comparison, and bg.svg (typed as html by this fake)
        assertThat(r.files()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("models/gpt-4.1/index.html"))).contains("/compare/gpt-4.1-vs-gpt-4.1-mini");
        assertThat(dir.resolve("compare/gpt-4.1-vs-gpt-4.1-mini/index.html")).exists();
        assertThat(dir.resolve("index.html")).exists();
        assertThat(Files.readString(dir.resolve("static/app.css"))).startsWith("body{");
        assertThat(dir.resolve("sitemap.xml")).exists();
        assertThat(dir.resolve("robots.txt")).exists();
        assertThat(bar.toString()).as("progress bar").contains("[==============================] 7/7 pages");
    }

    @Test
    void a_broken_internal_link_fails_the_export_naming_it_and_where_it_was() {
        SiteExporter e = exporter(Map.of("/", "<a href=\"/models/nope\">dead</a>", "/sitemap.xml", "<urlset/>", "/robots.txt", ""));

        assertThatThrownBy(() -> e.export(tmp.resolve("site"), 100))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("1 broken internal link(s)")
                .hasMessageContaining("/models/nope is not a page (linked from [/])");
    }

    @Test
    void a_link_that_climbs_out_of_the_directory_fails_the_export_and_writes_nothing_outside() {
        Path dir = tmp.resolve("site");
        SiteExporter e = exporter(Map.of("/", "<a href=\"/%2e%2e/escaped.html\">x</a>", "/../escaped.html", "gotcha",
                "/%2e%2e/escaped.html", "gotcha", "/sitemap.xml", "<urlset/>", "/robots.txt", ""));

        assertThatThrownBy(() -> e.export(dir, 100)).isInstanceOf(ExportException.class).hasMessageContaining("outside");
        assertThat(tmp.resolve("escaped.html")).doesNotExist();
        assertThat(tmp.resolve("escaped.html/index.html")).doesNotExist();
    }

    @Test
    void a_symbolic_link_inside_the_directory_does_not_lead_the_export_outside() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("site"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("models"), elsewhere);
        Files.writeString(tmp.resolve("victim.txt"), "keep");
        Files.createSymbolicLink(dir.resolve("robots.txt"), tmp.resolve("victim.txt"));

        SiteExporter viaFolder = exporter(Map.of("/", "<a href=\"/models/x\">x</a>", "/models/x", "page", "/sitemap.xml", "<urlset/>", "/robots.txt", ""));
        assertThatThrownBy(() -> viaFolder.export(dir, 100)).hasMessageContaining("symbolic link");
        assertThat(elsewhere.resolve("x")).doesNotExist();
        assertThat(Files.readString(tmp.resolve("victim.txt"))).isEqualTo("keep");
    }

    @Test
    void refuses_paths_that_resolve_outside_the_directory() {
        assertThatThrownBy(() -> ExportPaths.fileFor(tmp, "/%2e%2e/%2e%2e/etc/passwd", false))
                .isInstanceOf(ExportException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> ExportPaths.fileFor(tmp, "/a/..%5c..%5cx", false))
                .isInstanceOf(ExportException.class);
        assertThatThrownBy(() -> ExportPaths.fileFor(tmp, "/a%00.html", false))
                .isInstanceOf(ExportException.class);
        assertThat(ExportPaths.fileFor(tmp, "/models/gpt-4.1", true)).isEqualTo(tmp.toAbsolutePath().normalize().resolve("models/gpt-4.1/index.html"));
    }

    @Test
    void api_links_are_checked_and_written_so_the_copy_has_no_dead_link() throws Exception {
        Path dir = tmp.resolve("site");
        SiteExporter ok = exporter(Map.of("/", "<a href=\"/api/v1/models\">api</a>", "/api/v1/models", "{\"total\":0}", "/sitemap.xml", "<urlset/>", "/robots.txt", ""));
        ok.export(dir, 100);
        // this fixture serves every path without a known extension as HTML, so the JSON lands in the folder's index
        assertThat(dir.resolve("api/v1/models/index.html")).hasContent("{\"total\":0}");

        SiteExporter broken = exporter(Map.of("/", "<a href=\"/api/v1/nope\">api</a>", "/sitemap.xml", "<urlset/>", "/robots.txt", ""));
        assertThatThrownBy(() -> broken.export(tmp.resolve("other"), 100)).hasMessageContaining("/api/v1/nope is not a page");
    }

    @Test
    void more_pages_than_allowed_stops_the_export() {
        SiteExporter e = exporter(Map.of("/", "<a href=\"/a\"></a><a href=\"/b\"></a><a href=\"/c\"></a>", "/a", "", "/b", "", "/c", "",
                "/sitemap.xml", "<urlset/>", "/robots.txt", ""));

        assertThatThrownBy(() -> e.export(tmp.resolve("site"), 4)).hasMessageContaining("more than 4 pages");
    }

    @Test
    void links_with_queries_fragments_or_other_hosts_are_not_followed() {
        assertThat(SiteExporter.links("/models/x", "<a href=\"/models?page=2\"></a><a href=\"#top\"></a><a href=\"//evil.example/\"></a>"
                + "<a href=\"gpt-4o\"></a><img src=\"/static/a.png\"><link rel=\"canonical\" href=\"http://site/models/x\">"
                + "<script src=\"/static/app.js\"></script><p data-x=\"/static/not-an-attribute-link\"></p>"))
                .containsExactly("/models/gpt-4o", "/static/a.png", "/static/app.js", "/static/not-an-attribute-link");
    }
}
