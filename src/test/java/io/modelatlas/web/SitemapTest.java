package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sitemap: every comparison the site links to, lastmod from the data, and the split under an index. */
class SitemapTest {
    private static final String BASE = "https://modelatlas.example";
    private final WebContext ctx = WebContext.of(Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(),
            Fixtures.gptImage1Mini(), CompareBuilderWebTest.ACME)), Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), BASE);

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void every_comparison_a_page_links_to_is_in_the_sitemap() throws Exception {
        Javalin app = WebApp.create(ctx).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String xml = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/sitemap.xml")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> listed = all(xml, "<loc>" + Pattern.quote(BASE) + "([^<]*)</loc>");
            // crawl the model and comparison pages the sitemap lists: each comparison they link to must be listed too
            List<String> missing = new ArrayList<>();
            for (String path : listed) {
                if (path.startsWith("/models/") || path.startsWith("/compare/")) {
                    String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    all(page, "href=\"(/compare/[^\"?]*)\"").stream().filter(l -> !listed.contains(l)).forEach(l -> missing.add(l + " (from " + path + ")"));
                }
            }
            assertThat(missing).isEmpty();
            assertThat(listed).contains("/compare", "/compare/gpt-4.1-vs-gpt-5.1", "/compare/gpt-4.1-vs-gpt-4.1-mini").doesNotHaveDuplicates();
        } finally {
            app.stop();
        }
    }

    @Test
    void lastmod_is_the_latest_as_of_date_of_the_figures_a_page_shows() {
        Sitemap sitemap = Sitemap.of(ctx);
        // GPT-4.1's status comes from the overlay (2026-11-01), later than models.dev (2026-07-02) and LiteLLM (2026-07-18)
        assertThat(entry(sitemap, "/models/gpt-4.1").lastmod()).isEqualTo(LocalDate.of(2026, 11, 1));
        // GPT-4o Mini is current: its latest figure is LiteLLM's (prices, status)
        assertThat(entry(sitemap, "/models/gpt-4o-mini").lastmod()).isEqualTo(LocalDate.of(2026, 7, 18));
        // a comparison changes when either model's data does
        assertThat(entry(sitemap, "/compare/gpt-4.1-vs-gpt-5.1").lastmod()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(sitemap.xml()).contains("<url><loc>" + BASE + "/models/gpt-4o-mini</loc><lastmod>2026-07-18</lastmod></url>");
    }

    @Test
    void past_the_limit_per_file_the_sitemap_is_an_index_of_files_that_together_list_every_url() {
        Sitemap one = Sitemap.of(ctx);
        Sitemap split = Sitemap.of(ctx, 3);
        int urls = one.entries().size();
        assertThat(urls).isGreaterThan(6);
        assertThat(one.files()).isEqualTo(1);
        assertThat(one.file("1.xml")).isEmpty();

        String index = split.xml();
        assertThat(index).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        List<String> files = all(index, "<loc>" + Pattern.quote(BASE) + "/sitemaps/([^<]*)</loc>");
        assertThat(files).hasSize((urls + 2) / 3);
        List<String> together = new ArrayList<>();
        for (String f : files) {
            List<String> locs = all(split.file(f).orElseThrow(), "<loc>([^<]*)</loc>");
            assertThat(locs).hasSizeBetween(1, 3);
            together.addAll(locs);
        }
        assertThat(together).isEqualTo(all(one.xml(), "<loc>([^<]*)</loc>"));
        assertThat(split.file((files.size() + 1) + ".xml")).isEmpty();
        assertThat(split.file("../1.xml")).isEmpty();
    }

    private static Sitemap.Entry entry(Sitemap s, String path) {
        return s.entries().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
    }
}
