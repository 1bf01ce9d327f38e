package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-pixel rates as LiteLLM's cost map writes them, beside the per-image prices of the providers' pricing pages they
 * were cut from (OpenAI: DALL-E 2 $0.016/$0.018/$0.020, DALL-E 3 standard $0.04/$0.08, HD $0.08/$0.12; Azure's
 * GPT-image-1 as the map's own per-image entries give it).
 */
class PixelRateTest {

    @ParameterizedTest
    @CsvSource({
        // rate per pixel, width, height, the provider's per-image price
        "1.9e-08, 1024, 1024, 0.02",
        "6.86e-08, 512, 512, 0.018",
        "2.4414e-07, 256, 256, 0.016",
        "3.81469e-08, 1024, 1024, 0.04",
        "4.359e-08, 1024, 1792, 0.08",
        "7.629e-08, 1024, 1024, 0.08",
        "6.539e-08, 1792, 1024, 0.12",
        "1.59263611e-07, 1024, 1024, 0.167",
        "1.58945719e-07, 1024, 1536, 0.25",
        "1.0490417e-08, 1024, 1024, 0.011",
        "4.0054321e-08, 1536, 1024, 0.063",
    })
    void a_rate_cut_from_a_round_price_gives_that_price_back(String rate, long width, long height, String price) {
        assertThat(PixelRate.perImage(new BigDecimal(rate), width * height)).isEqualTo(new BigDecimal(price));
    }

    @Test
    void the_bundled_catalog_prices_dall_e_images_as_openai_does() {
        io.modelatlas.catalog.Catalog catalog = CatalogLoader.loadBundled();
        var sheet = catalog.require("dall-e-3").offerings().stream().filter(o -> o.qualifiedId().equals("openai/dall-e-3")).findFirst().orElseThrow()
                .prices().value();
        // 4.359e-08 per pixel in LiteLLM's map, $0.07998799872 when multiplied back
        assertThat(sheet.imagePrice("standard", "1024x1792").orElseThrow().usdPerImage()).isEqualTo(new BigDecimal("0.08"));
        assertThat(sheet.imagePrice("hd", "1792x1024").orElseThrow().usdPerImage()).isEqualTo(new BigDecimal("0.12"));
    }

    @Test
    void a_rate_written_in_full_gives_its_exact_product() {
        // 2.0751953125e-09 is 0.002176 / 1048576 exactly: nothing was cut, and nothing is rounded
        assertThat(PixelRate.perImage(new BigDecimal("2.0751953125e-09"), 1024 * 1024)).isEqualByComparingTo("0.002176");
        assertThat(PixelRate.perImage(new BigDecimal("2.0345052083e-09"), 1536 * 1024)).isEqualTo(new BigDecimal("0.0032"));
        assertThat(PixelRate.perImage(new BigDecimal("1.23456789012345e-09"), 1000 * 1000)).isEqualByComparingTo("0.00123456789012345");
    }

    @Test
    void the_price_stays_within_what_the_rate_allows() {
        // 5e-08 per pixel on a million pixels: anything in [0.045, 0.06) could have been cut to it; 0.05 is the roundest
        assertThat(PixelRate.perImage(new BigDecimal("5e-08"), 1_000_000)).isEqualTo(new BigDecimal("0.05"));
        // 5.1e-08: [0.0505, 0.052) holds no two-digit price, and 0.051 is the roundest
        assertThat(PixelRate.perImage(new BigDecimal("5.1e-08"), 1_000_000)).isEqualTo(new BigDecimal("0.051"));
        assertThat(PixelRate.perImage(BigDecimal.ZERO, 1_000_000)).isEqualByComparingTo("0");
    }
}
