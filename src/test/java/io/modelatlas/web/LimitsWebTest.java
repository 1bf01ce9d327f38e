package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.source.CatalogLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model limits and model types at the web doors (/api/v1/cost, /calculator, /api/v1/compare), on the real bundled catalog. */
class LimitsWebTest {
    private static Javalin app;
    private static Catalog catalog;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        catalog = CatalogLoader.loadBundled();
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
    void api_cost_over_max_input_is_priced_with_fits_false() throws Exception {
        HttpResponse<String> r = get("/api/v1/cost?model=gpt-5-mini&input_tokens=300000&output_tokens=1000");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = Json.mapper().readTree(r.body());
        assertThat(j.get("total_usd").decimalValue()).isEqualByComparingTo("0.077");
        assertThat(j.get("fits").asBoolean()).isFalse();
        assertThat(j.get("exceeds").get(0).get("limit").asText()).isEqualTo("max_input_tokens");
        assertThat(j.get("exceeds").get(0).get("limit_tokens").asLong()).isEqualTo(272_000);
        assertThat(j.get("exceeds").get(0).get("requested_tokens").asLong()).isEqualTo(300_000);
    }

    @Test
    void api_cost_strict_answers_422_naming_the_limit() throws Exception {
        HttpResponse<String> r = get("/api/v1/cost?model=chatgpt-4o-latest&input_tokens=1000&output_tokens=159000&strict=1");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("/problems/limit-exceeded");
        assertThat(p.get("detail").asText()).contains("159,000 output tokens > max output 4,096");
        assertThat(get("/api/v1/cost?model=chatgpt-4o-latest&input_tokens=1000&output_tokens=4096&strict=1").statusCode()).isEqualTo(200);
    }

    @Test
    void calculator_marks_a_model_the_request_does_not_fit_and_does_not_rank_it() throws Exception {
        String body = get("/calculator?requests_per_day=100&input_tokens=300000&output_tokens=1000&models=gpt-5-mini,gpt-4.1-mini").body();
        // GPT-4.1 Mini (1,047,576-token window) is ranked first and alone; GPT-5 Mini is listed, unranked
        assertThat(body).contains("1 models priced").contains("1 not ranked: the request exceeds their context window, max input or max output.");
        Matcher rows = Pattern.compile("<tr><td>([^<]*)</td><td><a href=\"/models/([^\"]+)\">").matcher(body);
        assertThat(rows.find()).isTrue();
        assertThat(rows.group(1) + " " + rows.group(2)).isEqualTo("1 gpt-4.1-mini");
        assertThat(rows.find()).isTrue();
        assertThat(rows.group(1) + " " + rows.group(2)).isEqualTo("— gpt-5-mini");
        assertThat(body).contains("does not fit: 300,000 input tokens &gt; max input 272,000");
        assertThat(body).doesNotContain("\"labels\":[\"GPT-4.1 Mini\",\"GPT-5 Mini\"");
    }

    @Test
    void calculator_lists_chat_models_only_unless_asked() throws Exception {
        String chat = get("/calculator?input_tokens=1000&output_tokens=0").body();
        String any = get("/calculator?input_tokens=1000&output_tokens=0&type=any").body();
        assertThat(types(chat)).containsOnly(ModelType.CHAT);
        // an embedding's input price is a cost per request too, but it answers no chat question: listed only with type=any
        assertThat(types(any)).contains(ModelType.EMBEDDING);
        assertThat(get("/calculator?type=robot").statusCode()).isEqualTo(400);
    }

    private static java.util.Set<ModelType> types(String page) {
        java.util.Set<ModelType> types = java.util.EnumSet.noneOf(ModelType.class);
        Matcher m = Pattern.compile("<td><a href=\"/models/([^\"]+)\">").matcher(page);
        while (m.find()) {
            types.add(catalog.require(m.group(1)).type());
        }
        return types;
    }
}
