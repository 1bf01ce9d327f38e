package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.PartialDate;
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

class WebAppTest {
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        Model mini = Fixtures.gpt41Mini();
        Model disputed = new Model(mini.id(), mini.displayName(), mini.creatorId(), mini.creatorName(), mini.family(), mini.aliases(), mini.type(),
                Fact.of("Smaller GPT-4.1 <script>alert(1)</script> for lightweight tasks.", Fixtures.OPENROUTER), mini.releaseDate(),
                new Fact<>(PartialDate.parse("2024-04"), Fixtures.MODELSDEV, List.of(new Fact.Alternative<>(PartialDate.parse("2024-06-30"), Fixtures.OPENROUTER))),
                mini.inputModalities(), mini.outputModalities(), mini.contextWindow(), mini.maxInputTokens(), mini.maxOutputTokens(), mini.capabilities(),
                mini.endpoints(), mini.status(), mini.benchmarks(), mini.strengths(), mini.bestFor(), mini.offerings(), mini.tokenizer());
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), disputed, Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        app = WebApp.create(WebContext.of(catalog, clock, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void comparison_page_matches_its_golden_file() throws Exception {
        HttpResponse<String> r = get("/compare/gpt-4.1-vs-gpt-4.1-mini");
        assertThat(r.statusCode()).isEqualTo(200);
        Golden.assertMatches("web/compare-gpt-4.1-vs-gpt-4.1-mini.html", r.body());
    }

    @Test
    void model_page_matches_its_golden_file() throws Exception {
        HttpResponse<String> r = get("/models/gpt-4.1-mini");
        assertThat(r.statusCode()).isEqualTo(200);
        Golden.assertMatches("web/model-gpt-4.1-mini.html", r.body());
    }

    @Test
    void comparison_page_states_the_figures_and_their_definitions() throws Exception {
        String body = get("/compare/gpt-4.1-vs-gpt-4.1-mini").body();
        assertThat(body)
                .contains("GPT-4.1 Mini is 80% cheaper on input tokens ($0.40 vs $2.00 per million): GPT-4.1 costs 5 times as much.")
                .contains("3 input tokens for every output token")
                .contains("<link rel=\"canonical\" href=\"https://modelatlas.example/compare/gpt-4.1-vs-gpt-4.1-mini\">")
                .contains("\"@type\":\"FAQPage\"")
                .contains("data-chart=");
    }

    @Test
    void text_from_data_is_escaped() throws Exception {
        String body = get("/models/gpt-4.1-mini").body();
        assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void other_orders_and_forms_redirect_to_the_canonical_url() throws Exception {
        HttpResponse<String> r = get("/compare/gpt-4.1-mini-vs-gpt-4.1");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).contains("/compare/gpt-4.1-vs-gpt-4.1-mini");
        assertThat(get("/models/openai~gpt-4.1-mini").headers().firstValue("Location")).contains("/models/gpt-4.1-mini");
        // a pair listed in canonical order has its path; another order is the user's and is kept (CompareBuilderWebTest)
        assertThat(get("/compare?models=gpt-4.1,gpt-4.1-mini").headers().firstValue("Location")).contains("/compare/gpt-4.1-vs-gpt-4.1-mini");
    }

    @Test
    void unknown_model_is_a_404_problem_with_suggestions() throws Exception {
        HttpResponse<String> api = get("/api/v1/models/gpt-4.1-mnii");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"suggestions\" : [ \"gpt-4.1-mini\"");
        HttpResponse<String> page = get("/models/gpt-4.1-mnii");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Unknown model</h1>", "href=\"/models/gpt-4.1-mini\"");
    }

    @Test
    void cost_api_validates_each_parameter_by_name() throws Exception {
        assertThat(get("/api/v1/cost?model=gpt-4.1&input_tokens=10").body()).contains("\"parameter\" : \"output_tokens\"");
        assertThat(get("/api/v1/cost?model=gpt-4.1&input_tokens=-1&output_tokens=1").body()).contains("cannot be negative");
        assertThat(get("/api/v1/cost?model=gpt-4.1&input_tokens=ten&output_tokens=1").body()).contains("must be a whole number, got 'ten'");
        HttpResponse<String> cached = get("/api/v1/cost?model=gpt-4.1&input_tokens=10&cached_input_tokens=20&output_tokens=1");
        assertThat(cached.statusCode()).isEqualTo(400);
        assertThat(cached.body()).contains("\"parameter\" : \"cached_input_tokens\"");
        assertThat(get("/api/v1/cost?model=gpt-image-1-mini&input_tokens=10&output_tokens=10").statusCode()).isEqualTo(422);
    }

    @Test
    void api_responses_match_their_golden_files() throws Exception {
        Golden.assertMatches("api/models-gpt-4.1-mini.json", get("/api/v1/models/gpt-4.1-mini").body());
        Golden.assertMatches("api/compare-gpt-4.1-gpt-4.1-mini.json", get("/api/v1/compare?models=gpt-4.1,gpt-4.1-mini").body());
        Golden.assertMatches("api/data-quality.json", get("/api/v1/data-quality").body());
        HttpResponse<String> cost = get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=1000&cached_input_tokens=400&output_tokens=500");
        assertThat(cost.body()).contains("\"total_usd\" : 0.00108");
        Golden.assertMatches("api/cost-gpt-4.1-mini.json", cost.body());
    }

    @Test
    void every_response_carries_security_headers() throws Exception {
        for (String path : List.of("/", "/models/gpt-4.1", "/api/v1/models", "/nope")) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void directory_filters_live_in_the_url() throws Exception {
        String body = get("/models?type=image_generation").body();
        assertThat(body).contains("1 models").contains("GPT Image 1 Mini").doesNotContain(">GPT-4.1 Mini<");
        assertThat(get("/models?sort=input-price").body()).containsSubsequence("GPT-4o Mini", "GPT-4.1 Mini", "GPT-5.1", "GPT-4.1<");
        assertThat(get("/models?type=spaceship").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/models?min_context=500000").body()).contains("\"total\" : 2");
    }

    @Test
    void directory_sorts_by_a_benchmark_best_first_with_its_scores_shown_and_unscored_models_last() throws Exception {
        String mmlu = get("/models?sort=benchmark:simple-evals-mmlu").body();
        assertThat(mmlu).containsSubsequence(">simple-evals MMLU, score</th>", "GPT-4.1<", "90.2<", "GPT-4.1 Mini", "87.5<",
                "GPT-4o Mini", "82.0<", "GPT Image 1 Mini", "—");
        assertThat(mmlu).contains("<option value=\"benchmark:simple-evals-mmlu\" selected>benchmark: simple-evals MMLU, score</option>");
        // a benchmark's name finds it as its id does
        assertThat(get("/models?sort=benchmark:simple-evals+MMLU").body()).containsSubsequence("GPT-4.1<", "90.2<", "GPT-4.1 Mini", "87.5<");
        // time to first token: lower is better, so the fastest first
        assertThat(get("/models?sort=benchmark:artificial-analysis-time-to-first-token").body())
                .containsSubsequence("GPT-4.1<", "0.595<", "GPT-4o Mini", "0.602<", "GPT-4.1 Mini", "0.63<");
        HttpResponse<String> unknown = get("/models?sort=benchmark:MMLU");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no benchmark has the id &#39;MMLU&#39;", "simple-evals-mmlu");
        // the directory keeps only models scored on a benchmark
        String scored = get("/models?scored_on=simple-evals-mmlu").body();
        assertThat(scored).contains("GPT-4.1 Mini").doesNotContain("GPT Image 1 Mini");
        assertThat(get("/models?scored_on=nonesuch").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/models?sort=benchmark:simple-evals%20MMLU&limit=1").body()).contains("\"id\" : \"gpt-4.1\"");
    }

    @Test
    void directory_filters_by_provider_and_input_modality_from_its_form() throws Exception {
        String form = get("/models").body();
        assertThat(form).contains("<select name=\"provider\">", "<option value=\"openai\">openai</option>", "<select name=\"modality\">",
                "<option value=\"image\">Image</option>");
        assertThat(get("/models?provider=nobody").body()).contains("0 models");
        assertThat(get("/models?provider=openai&modality=image").body()).contains("<option value=\"openai\" selected>openai</option>",
                "<option value=\"image\" selected>Image</option>");
    }

    @Test
    void calculator_takes_a_monthly_token_volume_as_the_cheaper_at_10m_tokens_pages_do() throws Exception {
        String body = get("/calculator?tokens_per_month=10000000&input_tokens=3000&output_tokens=1000&requests_per_day=5").body();
        // 10M tokens at 3,000 in + 1,000 out = 2,500 requests; GPT-4o Mini: $0.00045 + $0.0006 = $0.00105 each, $2.625 a month, shown half-up
        assertThat(body).contains("10,000,000 tokens a month, that is 2,500 requests", "value=\"10000000\"")
                .containsSubsequence("GPT-4o Mini", "$0.00105", "$2.63", "GPT-4.1 Mini");
        assertThat(get("/calculator?tokens_per_month=1000000&input_tokens=2000&output_tokens=1000").body()).contains("that is about 333 requests");
        assertThat(get("/calculator?tokens_per_month=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void calculator_prices_the_request_shape_on_every_chat_model_cheapest_first() throws Exception {
        String body = get("/calculator?requests_per_day=1000&input_tokens=2000&output_tokens=500&cache_hit=50").body();
        // GPT-4o Mini: 1,000 x 0.15 + 1,000 x 0.075 + 500 x 0.60 per million = $0.000525; x 30,000 requests = $15.75
        assertThat(body).containsSubsequence("GPT-4o Mini", "$0.000525", "$15.75", "GPT-4.1 Mini", "$39.00", "GPT-5.1", "GPT-4.1<");
        assertThat(body).contains("30,000 requests a month (1,000 a day for 30 days)").doesNotContain("GPT Image 1 Mini</a>");
        for (String bad : List.of("150", "5000", "-1", "abc", "37.5")) {
            HttpResponse<String> r = get("/calculator?cache_hit=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("cache_hit").contains(bad.equals("-1") ? "cannot be negative"
                    : bad.equals("abc") || bad.equals("37.5") ? "must be a whole number" : "is a percentage from 0 to 100, got " + bad);
        }
        assertThat(get("/calculator?tier=turbo").body()).contains("unknown service tier 'turbo'");
        assertThat(get("/calculator?tier=batch&models=gpt-4.1").body()).contains("$0.002", "1 models priced");
    }

    @Test
    void sitemap_lists_model_pages_and_linked_comparisons() throws Exception {
        String xml = get("/sitemap.xml").body();
        assertThat(xml).contains("<loc>https://modelatlas.example/models/gpt-image-1-mini</loc>",
                "<loc>https://modelatlas.example/compare/gpt-4.1-vs-gpt-5.1</loc>");
        assertThat(get("/robots.txt").body()).contains("Sitemap: https://modelatlas.example/sitemap.xml");
    }
}
