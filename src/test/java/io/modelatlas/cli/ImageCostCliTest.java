package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cost MODEL --images N} on the real bundled catalog. Expected totals are worked out here from the catalog's own
 * per-image and per-token prices (read straight off the price sheet, not through the command), so a catalog refresh
 * that changes a price changes both sides.
 */
class ImageCostCliTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (h, p) -> { }, (d, m, p) -> "",
                () -> { throw new IllegalStateException("no store in this test"); });
        int code = new Main(ctx).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static PriceSheet sheet(String model) {
        return catalog.require(model).prices().orElseThrow();
    }

    /** The catalog's price of one image, found by hand: the entry naming exactly this quality and size. */
    private static BigDecimal perImage(String model, String quality, String size) {
        return sheet(model).images().stream()
                .filter(p -> quality.equals(p.quality()) && size.equals(p.size()))
                .map(ImagePrice::usdPerImage).findFirst().orElseThrow(() -> new AssertionError("catalog lacks " + model + " " + quality + " " + size));
    }

    private static List<String> distinct(String model, java.util.function.Function<ImagePrice, String> part) {
        return sheet(model).images().stream().map(part).filter(Objects::nonNull).distinct().toList();
    }

    @Test
    void images_alone_are_priced_at_the_catalogs_per_image_price_without_token_counts() throws Exception {
        Run r = run("cost", "gpt-image-1", "--images", "10", "--image-quality", "high", "--image-size", "1024x1536", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        BigDecimal expected = perImage("gpt-image-1", "high", "1024x1536").multiply(BigDecimal.TEN);
        JsonNode j = r.json();
        assertThat(j.get("total_usd").decimalValue()).isEqualByComparingTo(expected);
        assertThat(j.get("lines")).hasSize(1);
        JsonNode line = j.get("lines").get(0);
        assertThat(line.get("item").asText()).isEqualTo("images");
        assertThat(line.get("quantity").asLong()).isEqualTo(10);
        assertThat(line.get("unit").asText()).isEqualTo("images");
        assertThat(line.get("image_quality").asText()).isEqualTo("high");
        assertThat(line.get("image_size").asText()).isEqualTo("1024x1536");
        assertThat(line.get("unit_price_usd").decimalValue()).isEqualByComparingTo(perImage("gpt-image-1", "high", "1024x1536"));
        assertThat(j.at("/usage/images/0/count").asInt()).isEqualTo(10);
        assertThat(j.at("/usage/input_tokens").asLong()).isZero();
    }

    @Test
    void prompt_tokens_and_images_add_up_exactly() throws Exception {
        Run r = run("cost", "gpt-image-1-mini", "--input-tokens", "1234", "--images", "7", "--image-quality", "medium", "--image-size", "1024x1536",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        BigDecimal inputPerMillion = sheet("gpt-image-1-mini").rate(PriceKind.INPUT).orElseThrow().usdPerMillion();
        BigDecimal expected = inputPerMillion.multiply(BigDecimal.valueOf(1234)).movePointLeft(6)
                .add(perImage("gpt-image-1-mini", "medium", "1024x1536").multiply(BigDecimal.valueOf(7)));
        assertThat(r.json().get("total_usd").decimalValue()).isEqualByComparingTo(expected);
        assertThat(r.json().get("lines")).extracting(l -> l.get("item").asText()).containsExactly("input", "images");
    }

    @Test
    void text_output_shows_quality_size_price_count_and_total() {
        Run r = run("cost", "gpt-image-1-mini", "--images", "250", "--image-quality", "LOW", "--image-size", "1024x1024");
        assertThat(r.code()).as(r.err()).isZero();
        BigDecimal price = perImage("gpt-image-1-mini", "low", "1024x1024");
        BigDecimal total = price.multiply(BigDecimal.valueOf(250));
        // the typed "LOW" reads back as the catalog's "low"
        assertThat(r.out()).contains("quality low, size 1024x1024")
                .containsPattern("images\\s+250 images x\\s+\\Q" + Format.usd(price) + "/image = " + total.toPlainString() + "\\E")
                .contains("total          " + Format.usd(total) + " (exact: " + total.stripTrailingZeros().toPlainString() + ")");
    }

    @Test
    void an_unknown_quality_is_exit_2_naming_the_option_and_the_known_qualities() {
        Run r = run("cost", "gpt-image-1-mini", "--images", "1", "--image-quality", "ultra", "--image-size", "1024x1024");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--image-quality").contains("'ultra'")
                .contains("known qualities: " + String.join(", ", distinct("gpt-image-1-mini", ImagePrice::quality)));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_unknown_size_is_exit_2_naming_the_option_and_the_known_sizes() {
        Run r = run("cost", "gpt-image-1", "--images", "1", "--image-quality", "low", "--image-size", "640x480");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--image-size").contains("'640x480'")
                .contains("known sizes: " + String.join(", ", distinct("gpt-image-1", ImagePrice::size)));
    }

    @Test
    void a_quality_the_price_depends_on_cannot_be_left_out() {
        // PriceSheet.imagePrice would take a missing quality as "any" and silently price the first one listed
        Run r = run("cost", "gpt-image-1", "--images", "1", "--image-size", "1024x1024");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--image-quality").contains("required");
    }

    @Test
    void a_quality_the_model_does_not_sell_is_refused_even_if_another_model_sells_it() {
        assertThat(distinct("gpt-image-1", ImagePrice::quality)).contains("high");
        assertThat(distinct("gpt-image-1-mini", ImagePrice::quality)).doesNotContain("high");
        Run r = run("cost", "gpt-image-1-mini", "--images", "1", "--image-quality", "high", "--image-size", "1024x1024");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--image-quality").contains("'high'");
    }

    @Test
    void token_counts_are_still_required_without_images() {
        Run r = run("cost", "gpt-4.1-mini", "--input-tokens", "100");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--input-tokens and --output-tokens are required unless --images is given");
    }

    @Test
    void image_options_without_images_are_refused() {
        Run r = run("cost", "gpt-image-1", "--input-tokens", "1", "--output-tokens", "0", "--image-quality", "low");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--image-quality needs --images");
    }

    @Test
    void images_on_a_model_that_prices_none_are_unknown_never_zero() {
        Run r = run("cost", "gpt-4.1-mini", "--images", "3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("openai/gpt-4.1-mini prices no images");
        assertThat(r.out()).doesNotContain("$0");
    }

    @Test
    void text_costs_are_unchanged() throws Exception {
        Run r = run("cost", "gpt-4.1-mini", "--input-tokens", "1000", "--output-tokens", "500", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.json().at("/usage").has("images")).isFalse();
        assertThat(r.json().at("/lines/0").has("image_quality")).isFalse();
    }

    @Test
    void help_still_works_and_lists_the_image_options() {
        Run r = run("cost", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--images=<images>", "--image-quality=", "--image-size=", "Required unless --images is given");
    }
}
