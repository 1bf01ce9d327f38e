package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared parameter parsers ({@link Params}) as the routes use them: each bad value is a 400 naming its parameter. */
class ParamsWebTest {
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini()));
        app = WebApp.create(WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/models?limit=1001 | limit | query parameter 'limit' must be between 1 and 1000, got 1001",
            "/api/v1/models?limit=0 | limit | query parameter 'limit' must be between 1 and 1000, got 0",
            "/api/v1/changes?limit=5000 | limit | query parameter 'limit' must be between 1 and 1000, got 5000",
            "/api/v1/models?min_context=lots | min_context | query parameter 'min_context' must be a whole number, got 'lots'",
            "/api/v1/cost?model=gpt-4.1&input_tokens=1&output_tokens=1&tier=turbo | tier | unknown service tier 'turbo'",
            "/api/v1/compare?models=gpt-4.1 | models | query parameter 'models' needs 2 to 5 model ids, got 1",
            "/api/v1/compare?models=gpt-4.1,gpt-4.1-mini&cache_hit=101 | cache_hit | query parameter 'cache_hit' is a percentage from 0 to 100 with at most 2 decimals, got 101",
            "/api/v1/changes?since=2026-02-30 | since | query parameter 'since' must be a date as YYYY-MM-DD, got '2026-02-30'",
    })
    void a_bad_value_is_a_400_problem_naming_the_parameter(String path, String parameter, String detail) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(r.body());
        assertThat(problem.path("parameter").asText()).as(path).isEqualTo(parameter);
        assertThat(problem.path("detail").asText()).as(path).startsWith(detail);
    }

    @Test
    void a_bad_page_of_the_directory_is_a_400_page_with_the_message() throws Exception {
        HttpResponse<String> r = get("/models?page=0");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("must be between 1 and 100000, got 0");
    }

    @Test
    void limit_and_tier_default_when_absent_and_a_flag_is_on_only_as_1() throws Exception {
        JsonNode models = Json.mapper().readTree(get("/api/v1/models").body());
        assertThat(models.path("limit").asInt()).isEqualTo(SitePages.DEFAULT_API_LIMIT);
        JsonNode cost = Json.mapper().readTree(get("/api/v1/cost?model=gpt-4.1&input_tokens=1000&output_tokens=10").body());
        assertThat(cost.path("service_tier").asText()).isEqualTo("standard");
        // strict=yes is not 1: the request that exceeds nothing is priced either way, and the flag does not fail
        assertThat(get("/api/v1/cost?model=gpt-4.1&input_tokens=1000&output_tokens=10&strict=yes").statusCode()).isEqualTo(200);
    }
}
