package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Status;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.testing.Golden;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The comparison builder, the user's order, cache_hit on pages and in the API, and POST /api/v1/tokens. */
class CompareBuilderWebTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** A text model whose offering publishes no cached-input price. */
    static final Model ACME = Fixtures.text("acme-lite", "Acme Lite", "1", "2", null, 200_000L, 8_192L, "2025-01-01", "2024-01", Status.current(), List.of());
    private static Javalin app;

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini(), ACME));
        app = WebApp.create(WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "https://modelatlas.example"))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse(null);
    }

    private static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void a_bare_compare_is_the_builder_form_not_an_error() throws Exception {
        HttpResponse<String> r = get("/compare");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(all(r.body(), "<input type=\"text\" id=\"(m\\d)\"")).containsExactly("m1", "m2", "m3", "m4", "m5");
        Golden.assertMatches("web/compare-builder.html", r.body());
    }

    @Test
    void a_submitted_form_goes_to_the_comparison_in_the_order_of_its_fields() throws Exception {
        HttpResponse<String> r = get("/compare?m1=gpt-4.1-mini&m2=GPT-4.1&m3=gpt-4o-mini&m4=&m5=&cache_hit=");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(location(r)).isEqualTo("/compare?models=gpt-4.1-mini,gpt-4.1,gpt-4o-mini");

        HttpResponse<String> page = get(location(r));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>GPT-4.1 Mini vs GPT-4.1 vs GPT-4o Mini</h1>")
                // search engines see one URL per set of models, whatever order a user picked
                .contains("<link rel=\"canonical\" href=\"https://modelatlas.example/compare?models=gpt-4.1,gpt-4.1-mini,gpt-4o-mini\">");
        // every table's columns follow the chosen order
        List<String> heads = all(page.body(), "<th scope=\"col\">(GPT[^<]*?)(?: per 1,000 requests)?</th>");
        assertThat(heads).hasSizeGreaterThan(9);
        for (int i = 0; i < heads.size(); i += 3) {
            assertThat(heads.subList(i, i + 3)).containsExactly("GPT-4.1 Mini", "GPT-4.1", "GPT-4o Mini");
        }
        // the form under it holds the models in that order, to change or reorder
        assertThat(all(page.body(), "name=\"m\\d\" value=\"([^\"]*)\"")).containsExactly("gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini");
        Golden.assertMatches("web/compare-gpt-4.1-mini-gpt-4.1-gpt-4o-mini.html", page.body());
    }

    @Test
    void a_pair_keeps_one_canonical_path_and_an_explicit_order_keeps_its_own_url() throws Exception {
        HttpResponse<String> chosen = get("/compare?models=gpt-4.1-mini,gpt-4.1");
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).contains("<h1>GPT-4.1 Mini vs GPT-4.1</h1>")
                .contains("<link rel=\"canonical\" href=\"https://modelatlas.example/compare/gpt-4.1-vs-gpt-4.1-mini\">");
        HttpResponse<String> canonicalOrder = get("/compare?models=gpt-4.1,gpt-4.1-mini");
        assertThat(canonicalOrder.statusCode()).isEqualTo(301);
        assertThat(location(canonicalOrder)).isEqualTo("/compare/gpt-4.1-vs-gpt-4.1-mini");
        HttpResponse<String> reversedPath = get("/compare/gpt-4.1-mini-vs-gpt-4.1");
        assertThat(reversedPath.statusCode()).isEqualTo(301);
        assertThat(location(reversedPath)).isEqualTo("/compare/gpt-4.1-vs-gpt-4.1-mini");
        HttpResponse<String> byName = get("/compare?models=GPT-4o%20Mini,gpt-4.1");
        assertThat(location(byName)).isEqualTo("/compare?models=gpt-4o-mini,gpt-4.1");
    }

    @Test
    void a_name_that_matches_no_model_comes_back_with_the_field_named_and_the_closest_models() throws Exception {
        HttpResponse<String> r = get("/compare?m1=gpt-4.1-mnii&m2=gpt-4.1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<p class=\"error\" id=\"m1-error\">No model is called 'gpt-4.1-mnii'")
                .contains("aria-describedby=\"m1-error\"")
                // picking a suggestion fills that field and keeps the others
                .contains("<a href=\"/compare?m1=gpt-4.1-mini&amp;m2=gpt-4.1\">GPT-4.1 Mini</a>");
        // the model already in m2 is not offered for m1
        assertThat(r.body()).doesNotContain("href=\"/compare?m1=gpt-4.1&amp;m2=gpt-4.1\"");

        HttpResponse<String> twice = get("/compare?m1=gpt-4.1&m2=GPT-4.1");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("GPT-4.1 is already model 1");

        HttpResponse<String> one = get("/compare?m1=gpt-4.1");
        assertThat(one.statusCode()).isEqualTo(400);
        assertThat(one.body()).contains("Pick at least 2 models to compare.").contains("name=\"m1\" value=\"gpt-4.1\"");
    }

    @Test
    void a_search_without_javascript_lists_models_with_links_that_add_them() throws Exception {
        HttpResponse<String> r = get("/compare?m1=gpt-4.1&q=mini");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(all(r.body(), "<li><a href=\"([^\"]*)\">Add ")).contains(
                "/compare?m1=gpt-4.1&amp;m2=gpt-4.1-mini", "/compare?m1=gpt-4.1&amp;m2=gpt-4o-mini", "/compare?m1=gpt-4.1&amp;m2=gpt-image-1-mini");
        // the search form carries the fields already filled
        assertThat(r.body()).contains("<input type=\"hidden\" name=\"m1\" value=\"gpt-4.1\">");
    }

    @Test
    void cache_hit_prices_that_share_of_input_at_the_cached_rate_in_the_api() throws Exception {
        HttpResponse<String> r = get("/api/v1/compare?models=gpt-4.1-mini,acme-lite&cache_hit=50");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode even = Json.mapper().readTree(r.body()).path("monthly_cost").get(0);
        BigDecimal half = new BigDecimal("0.5");
        // 1:1 blend: half the tokens input, half of those cached ($0.10) and half not ($0.40); half output ($1.60)
        BigDecimal mini = half.multiply(half.multiply(new BigDecimal("0.10")).add(half.multiply(new BigDecimal("0.40")))).add(half.multiply(new BigDecimal("1.60")));
        assertThat(even.path("blended_usd_per_million").get(0).decimalValue()).isEqualByComparingTo(mini);
        assertThat(even.path("rows").get(3).path("costs_usd").get(0).decimalValue()).isEqualByComparingTo(mini.multiply(BigDecimal.valueOf(100)));
        // Acme Lite publishes no cached price: the whole input at $1, and the answer says so
        assertThat(even.path("blended_usd_per_million").get(1).decimalValue()).isEqualByComparingTo("1.5");
        assertThat(even.path("cache_notes").get(0).isNull()).isTrue();
        assertThat(even.path("cache_notes").get(1).asText()).isEqualTo("no cached-input price: all input tokens at the full input price");
        assertThat(even.path("blend").path("cache_hit_rate").decimalValue()).isEqualByComparingTo("0.5");

        JsonNode none = Json.mapper().readTree(get("/api/v1/compare?models=gpt-4.1-mini,acme-lite").body()).path("monthly_cost").get(0);
        assertThat(none.path("blended_usd_per_million").get(0).decimalValue()).isEqualByComparingTo("1.0"); // (0.40 + 1.60) / 2
        assertThat(none.has("cache_notes")).isFalse();
    }

    @Test
    void cache_hit_outside_0_to_100_is_a_problem_naming_it() throws Exception {
        for (String bad : List.of("101", "-5", "abc", "1e-999999999", "33.33333", "1e2x")) {
            HttpResponse<String> r = get("/api/v1/compare?models=gpt-4.1-mini,acme-lite&cache_hit=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Json.mapper().readTree(r.body()).path("parameter").asText()).isEqualTo("cache_hit");
        }
    }

    @Test
    void cache_hit_on_a_page_is_kept_in_its_url_and_notes_models_without_a_cached_price() throws Exception {
        HttpResponse<String> spelled = get("/compare/acme-lite-vs-gpt-4.1-mini?cache_hit=50.0");
        assertThat(spelled.statusCode()).isEqualTo(301);
        assertThat(location(spelled)).isEqualTo("/compare/acme-lite-vs-gpt-4.1-mini?cache_hit=50");
        HttpResponse<String> r = get("/compare/acme-lite-vs-gpt-4.1-mini?cache_hit=50");
        assertThat(r.statusCode()).isEqualTo(200);
        // 100M tokens a month: GPT-4.1 Mini 100 x $0.925, Acme Lite 100 x $1.50
        assertThat(r.body()).contains("<tr><th scope=\"row\">100M tokens / month</th><td>$150.00</td><td>$92.50</td></tr>")
                .contains("<li>Acme Lite: no cached-input price: all input tokens at the full input price.</li>")
                .contains("name=\"cache_hit\" min=\"0\" max=\"100\" step=\"0.01\" value=\"50\"");
    }

    @Test
    void post_tokens_counts_the_body_exactly_by_encoding_or_model() throws Exception {
        String text = "Hello, world! Ünïcödé text, tabs\tand <|endoftext|> as plain characters.\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        var registry = Encodings.newDefaultEncodingRegistry();
        int cl100k = registry.getEncoding(EncodingType.CL100K_BASE).countTokensOrdinary(text);
        int o200k = registry.getEncoding(EncodingType.O200K_BASE).countTokensOrdinary(text);
        assertThat(cl100k).isNotEqualTo(o200k); // the test tells the encodings apart

        JsonNode byEncoding = Json.mapper().readTree(post("/api/v1/tokens?encoding=cl100k_base", body).body());
        assertThat(byEncoding.path("tokens").asInt()).isEqualTo(cl100k);
        assertThat(byEncoding.path("encoding").asText()).isEqualTo("cl100k_base");
        assertThat(byEncoding.path("exact").asBoolean()).isTrue();
        assertThat(byEncoding.path("bytes").asLong()).isEqualTo(body.length);
        assertThat(byEncoding.path("characters").asInt()).isEqualTo(text.length());

        JsonNode byModel = Json.mapper().readTree(post("/api/v1/tokens?model=gpt-4.1-mini", body).body());
        assertThat(byModel.path("tokens").asInt()).isEqualTo(o200k);
        assertThat(byModel.path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(byModel.path("encoding").asText()).isEqualTo("o200k_base");

        JsonNode byDefault = Json.mapper().readTree(post("/api/v1/tokens", body).body());
        assertThat(byDefault.path("tokens").asInt()).isEqualTo(o200k);
        assertThat(Json.mapper().readTree(post("/api/v1/tokens", new byte[0]).body()).path("tokens").asInt()).isZero();
    }

    @Test
    void post_tokens_refuses_bad_input_naming_what_is_wrong() throws Exception {
        HttpResponse<String> encoding = post("/api/v1/tokens?encoding=nope", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(encoding.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(encoding.body()).path("parameter").asText()).isEqualTo("encoding");
        HttpResponse<String> both = post("/api/v1/tokens?encoding=cl100k_base&model=gpt-4.1", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(both.statusCode()).isEqualTo(400);
        HttpResponse<String> model = post("/api/v1/tokens?model=gpt-4.1-mnii", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(model.body()).path("parameter").asText()).isEqualTo("model");
        HttpResponse<String> binary = post("/api/v1/tokens", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(binary.body()).path("detail").asText()).contains("not UTF-8");
        HttpResponse<String> big = post("/api/v1/tokens", new byte[(int) TokenRoutes.LIMIT_BYTES + 1]);
        assertThat(big.statusCode()).isEqualTo(413);
    }
}
