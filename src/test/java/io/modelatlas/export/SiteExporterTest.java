package io.modelatlas.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteExporterTest {
    private Javalin server;

    @TempDir
    Path dir;

    private URI serve(Map<String, String> pages) {
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            pages.forEach((path, body) -> c.routes.get(path, ctx -> {
                if (path.endsWith(".xml")) {
                    ctx.contentType("application/xml");
                } else if (path.endsWith(".css")) {
                    ctx.contentType("text/css");
                } else if (path.endsWith(".txt")) {
                    ctx.contentType("text/plain");
                } else {
                    ctx.html(body);
                    return;
                }
                ctx.result(body);
            }));
        }).start("127.0.0.1", 0);
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void exports_every_linked_page_and_asset_as_files() throws Exception {
        URI base = serve(Map.of(
                "/", "<a href=\"/models/gpt-4.1\">m</a><link href=\"/static/app.css\"><a href=\"/models?page=2\">next</a><a href=\"https://example.com/\">x</a>",
                "/models/gpt-4.1", "<a href=\"/compare/gpt-4.1-vs-gpt-4.1-mini\">c</a><a href=\"#faq\">faq</a>",
                "/compare/gpt-4.1-vs-gpt-4.1-mini", "<a href=\"../models/gpt-4.1\">back</a>",
                "/static/app.css", "body{}",
                "/sitemap.xml", "<urlset><url><loc>http://127.0.0.1:8080/models/gpt-4.1</loc></url></urlset>",
                "/robots.txt", "User-agent: *"));

        SiteExporter.Result r = new SiteExporter(base, null).export(dir, 100);

        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.files()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("models/gpt-4.1/index.html"))).contains("/compare/gpt-4.1-vs-gpt-4.1-mini");
        assertThat(dir.resolve("compare/gpt-4.1-vs-gpt-4.1-mini/index.html")).exists();
        assertThat(dir.resolve("index.html")).exists();
        assertThat(Files.readString(dir.resolve("static/app.css"))).isEqualTo("body{}");
        assertThat(dir.resolve("sitemap.xml")).exists();
        assertThat(dir.resolve("robots.txt")).exists();
    }

    @Test
    void a_broken_internal_link_fails_the_export_naming_it_and_where_it_was() {
        URI base = serve(Map.of("/", "<a href=\"/models/nope\">dead</a>", "/sitemap.xml", "<urlset/>", "/robots.txt", ""));

        assertThatThrownBy(() -> new SiteExporter(base, null).export(dir, 100))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("/models/nope answered 404 (linked from [/])");
    }

    @Test
    void refuses_paths_that_resolve_outside_the_directory() {
        assertThatThrownBy(() -> ExportPaths.fileFor(dir, "/%2e%2e/%2e%2e/etc/passwd", false))
                .isInstanceOf(ExportException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> ExportPaths.fileFor(dir, "/a/..%5c..%5cx", false))
                .isInstanceOf(ExportException.class);
        assertThat(ExportPaths.fileFor(dir, "/models/gpt-4.1", true)).isEqualTo(dir.toAbsolutePath().normalize().resolve("models/gpt-4.1/index.html"));
    }

    @Test
    void links_with_queries_fragments_or_other_hosts_are_not_followed() {
        assertThat(SiteExporter.links("/models/x", "<a href=\"/models?page=2\"></a><a href=\"#top\"></a><a href=\"//evil.example/\"></a>"
                + "<a href=\"gpt-4o\"></a><img src=\"/static/a.png\">"))
                .containsExactly("/models/gpt-4o", "/static/a.png");
    }
}
