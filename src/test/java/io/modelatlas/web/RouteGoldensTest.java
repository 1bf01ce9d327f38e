package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.testing.Golden;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goldens for the GET pages and API answers of a read-only site that no feature test pins byte for byte: the
 * directory, the calculator, the API page, the data-quality page, the model list API, the cost API with a tier, the
 * sitemap and robots.txt. {@link RouteGoldenCoverageTest} checks that every route has one.
 */
class RouteGoldensTest {
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        app = WebApp.create(WebContext.of(catalog, clock, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static String ok(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void the_directory_with_and_without_filters_matches_its_goldens() throws Exception {
        String home = ok("/");
        Golden.assertMatches("web/directory.html", home);
        assertThat(ok("/models")).isEqualTo(home);
        Golden.assertMatches("web/directory-chat-by-price.html", ok("/models?type=chat&sort=input-price&max_input_price=1"));
    }

    @Test
    void the_calculator_matches_its_goldens() throws Exception {
        Golden.assertMatches("web/calculator.html", ok("/calculator"));
        Golden.assertMatches("web/calculator-batch-cache.html", ok("/calculator?tier=batch&cache_hit=40&input_tokens=2000&output_tokens=300&requests_per_day=500"));
    }

    @Test
    void the_site_pages_match_their_goldens() throws Exception {
        Golden.assertMatches("web/api.html", ok("/api"));
        Golden.assertMatches("web/data-quality.html", ok("/data-quality"));
        Golden.assertMatches("web/sitemap.xml", ok("/sitemap.xml"));
        Golden.assertMatches("web/robots.txt", ok("/robots.txt"));
    }

    @Test
    void the_model_list_and_a_tiered_cost_match_their_goldens() throws Exception {
        Golden.assertMatches("api/models.json", ok("/api/v1/models?type=chat&limit=3"));
        Golden.assertMatches("api/cost-gpt-4.1-batch.json", ok("/api/v1/cost?model=gpt-4.1&input_tokens=10000&output_tokens=2000&cached_input_tokens=4000&tier=batch"));
    }
}
