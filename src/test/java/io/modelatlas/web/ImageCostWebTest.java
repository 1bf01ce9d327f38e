package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.fixtures.ImageFixtures;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.testing.Golden;
import java.math.BigDecimal;
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

/** Images in {@code /api/v1/cost} and in comparisons of image models: the page, its JSON, and bad parameters. */
class ImageCostWebTest {
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini(),
                ImageFixtures.gptImage1()));
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

    /** The fixture's price of one image, looked up by hand. */
    private static BigDecimal perImage(String quality, String size) {
        return Fixtures.gptImage1Mini().prices().orElseThrow().images().stream()
                .filter(p -> quality.equals(p.quality()) && size.equals(p.size())).map(ImagePrice::usdPerImage).findFirst().orElseThrow();
    }

    @Test
    void cost_prices_images_alone_without_token_counts() throws Exception {
        HttpResponse<String> r = get("/api/v1/cost?model=gpt-image-1-mini&images=40&image_quality=low&image_size=1024x1536");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = Json.mapper().readTree(r.body());
        assertThat(j.get("total_usd").decimalValue()).isEqualByComparingTo(perImage("low", "1024x1536").multiply(BigDecimal.valueOf(40)));
        assertThat(j.at("/lines/0/image_quality").asText()).isEqualTo("low");
        assertThat(j.at("/lines/0/image_size").asText()).isEqualTo("1024x1536");
        assertThat(j.at("/usage/images/0/count").asInt()).isEqualTo(40);
    }

    @Test
    void cost_adds_prompt_tokens_and_images() throws Exception {
        HttpResponse<String> r = get("/api/v1/cost?model=gpt-image-1-mini&input_tokens=2000&images=3&image_quality=medium&image_size=1024x1024");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        BigDecimal input = Fixtures.gptImage1Mini().prices().orElseThrow().rate(PriceKind.INPUT).orElseThrow().usdPerMillion()
                .multiply(BigDecimal.valueOf(2000)).movePointLeft(6);
        assertThat(Json.mapper().readTree(r.body()).get("total_usd").decimalValue())
                .isEqualByComparingTo(input.add(perImage("medium", "1024x1024").multiply(BigDecimal.valueOf(3))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "images=-1&image_quality=low&image_size=1024x1024 | images | cannot be negative",
            "images=two | images | whole number",
            "images=2000000000&image_quality=low&image_size=1024x1024 | images | at most",
            "images=1&image_quality=ultra&image_size=1024x1024 | image_quality | known qualities: low, medium",
            "images=1&image_quality=high&image_size=1024x1024 | image_quality | 'high'",
            "images=1&image_quality=low&image_size=640x480 | image_size | known sizes: 1024x1024, 1024x1536",
            "images=1&image_size=1024x1024 | image_quality | required",
            "images=1&image_quality=medium&image_size=1024x1536 | image_size | sizes at medium: 1024x1024",
            "input_tokens=1&output_tokens=1&image_quality=low | image_quality | needs 'images'",
    })
    void bad_image_parameters_are_400_naming_the_parameter(String query, String parameter, String detail) throws Exception {
        HttpResponse<String> r = get("/api/v1/cost?model=gpt-image-1-mini&" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode j = Json.mapper().readTree(r.body());
        assertThat(j.get("parameter").asText()).isEqualTo(parameter);
        assertThat(j.get("detail").asText()).contains(detail);
    }

    @Test
    void tokens_stay_required_without_images() throws Exception {
        HttpResponse<String> r = get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=10");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(r.body()).get("parameter").asText()).isEqualTo("output_tokens");
    }

    @Test
    void images_on_a_text_model_are_price_unknown_never_zero() throws Exception {
        HttpResponse<String> r = get("/api/v1/cost?model=gpt-4.1-mini&images=2");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("prices no images").doesNotContain("total_usd");
    }

    @Test
    void an_image_comparison_shows_image_tables_instead_of_unknown_token_tables() throws Exception {
        HttpResponse<String> r = get("/compare/gpt-image-1-vs-gpt-image-1-mini");
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("<h2>Cost per image</h2>", "<h2>Images per month</h2>")
                // 1,000 low 1024x1024 images: 1,000 x $0.011 vs 1,000 x $0.005
                .contains("<tr><th scope=\"row\">1,000</th><td>low, 1024x1024</td><td>$11.00</td><td>$5.00</td><td>GPT Image 1 Mini saves $6.00</td></tr>")
                // the mini sells no high quality: not offered, not $0
                .contains("<tr><th scope=\"row\">high, 1024x1024</th><td>$0.167</td><td>not offered</td><td>—</td></tr>")
                .doesNotContain("price unknown", "<h2>Cost per month</h2>", "<h2>Scenarios</h2>");
        // cheapest to dearest: low before medium before high, whatever order the source listed them in
        assertThat(page.indexOf(">low, 1024x1024<")).isLessThan(page.indexOf(">medium, 1024x1024<"));
        assertThat(page.indexOf(">medium, 1536x1024<")).isLessThan(page.indexOf(">high, 1024x1024<"));
        Golden.assertMatches("web/compare-gpt-image-1-vs-gpt-image-1-mini.html", page);
    }

    @Test
    void an_image_comparisons_json_carries_the_same_rows() throws Exception {
        HttpResponse<String> r = get("/api/v1/compare?models=gpt-image-1,gpt-image-1-mini");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode images = Json.mapper().readTree(r.body()).get("images");
        assertThat(images.get("image_model")).extracting(JsonNode::asBoolean).containsExactly(true, true);
        JsonNode high = images.get("per_image").get(images.get("per_image").size() - 1);
        assertThat(high.get("quality").asText()).isEqualTo("high");
        assertThat(high.get("usd_per_image").get(1).isNull()).isTrue();
        assertThat(images.get("monthly")).hasSize(3 * images.get("per_image").size());
        assertThat(images.at("/monthly/2/images_per_month").asLong()).isEqualTo(100_000);
        assertThat(images.at("/monthly/2/costs_usd/1").decimalValue()).isEqualByComparingTo(perImage("low", "1024x1024").multiply(BigDecimal.valueOf(100_000)));
        Golden.assertMatches("api/compare-gpt-image-1-gpt-image-1-mini.json", r.body());
    }

    @Test
    void a_text_model_beside_an_image_model_is_not_an_image_model_and_the_image_model_is_priced_per_image() throws Exception {
        String page = get("/compare/gpt-4.1-mini-vs-gpt-image-1-mini").body();
        assertThat(page).contains("<h2>Cost per month</h2>", "<h2>Cost per image</h2>")
                .contains("<td>not an image model</td><td>$0.005</td>")
                .contains("<td>priced per image</td>")
                .doesNotContain("<td>$0.00</td>");
        JsonNode images = Json.mapper().readTree(get("/api/v1/compare?models=gpt-4.1-mini,gpt-image-1-mini").body()).get("images");
        assertThat(images.get("image_model")).extracting(JsonNode::asBoolean).containsExactly(false, true);
        assertThat(images.at("/per_image/0/usd_per_image/0").isNull()).isTrue();
    }

    @Test
    void a_text_only_comparison_has_no_image_tables() throws Exception {
        assertThat(get("/compare/gpt-4.1-vs-gpt-4.1-mini").body()).doesNotContain("Cost per image");
        assertThat(Json.mapper().readTree(get("/api/v1/compare?models=gpt-4.1,gpt-4.1-mini").body()).has("images")).isFalse();
    }

    /** The price of one image of gpt-image-1 in its fixture, looked up by hand. */
    private static BigDecimal gptImage1(String quality, String size) {
        return ImageFixtures.gptImage1().prices().orElseThrow().images().stream()
                .filter(p -> quality.equals(p.quality()) && size.equals(p.size())).map(ImagePrice::usdPerImage).findFirst().orElseThrow();
    }

    @Test
    void an_image_comparison_states_its_price_difference_per_image_on_the_page_and_in_the_api() throws Exception {
        BigDecimal mini = perImage("low", "1024x1024");
        BigDecimal big = gptImage1("low", "1024x1024");
        String headline = "GPT Image 1 Mini costs " + io.modelatlas.compare.Format.usd(mini) + " per low-quality 1024x1024 image, GPT Image 1 "
                + io.modelatlas.compare.Format.usd(big) + ": " + io.modelatlas.compare.Format.ratio(big.divide(mini, 10, java.math.RoundingMode.HALF_EVEN)) + " times as much.";

        String page = get("/compare/gpt-image-1-vs-gpt-image-1-mini").body();
        assertThat(page).contains("<meta name=\"description\" content=\"Compare GPT Image 1 vs GPT Image 1 Mini. " + headline + " Cost per image");
        assertThat(page).doesNotContain("cheaper on input tokens", "priced differently", "<strong>Image work:</strong>");
        assertThat(page.split("<strong>Image work at the lowest price per image:</strong>", -1)).hasSize(2);

        var json = Json.mapper().readTree(get("/api/v1/compare?models=gpt-image-1,gpt-image-1-mini").body());
        var price = java.util.stream.StreamSupport.stream(json.get("differences").spliterator(), false)
                .filter(d -> d.get("kind").asText().equals("price")).toList();
        assertThat(price).hasSize(1);
        assertThat(price.get(0).get("sentence").asText()).startsWith(headline).doesNotContain("per million");
    }
}
