package io.modelatlas.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.compare.Format;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {
    private final PriceSheet mini = PriceSheet.builder().rate(PriceKind.INPUT, "0.40").rate(PriceKind.OUTPUT, "1.60")
            .rate(PriceKind.CACHED_INPUT, "0.10")
            .serviceTier(ServiceTier.BATCH, PriceSheet.builder().rate(PriceKind.INPUT, "0.20").rate(PriceKind.OUTPUT, "0.80").build())
            .build();

    @Test
    void cost_is_exact_and_unrounded() {
        Cost c = CostCalculator.price(mini, Usage.of(1, 0, 1));
        assertThat(c.totalUsd()).isEqualByComparingTo("0.000002").hasScaleOf(6);
        assertThat(CostCalculator.price(mini, Usage.of(3, 0, 0)).totalUsd()).isEqualByComparingTo(new BigDecimal("0.0000012"));
    }

    @Test
    void rounding_happens_once_when_shown() {
        assertThat(Format.usd(new BigDecimal("0.0000012"))).isEqualTo("$0.0000012");
        assertThat(Format.usd(new BigDecimal("1.125"))).isEqualTo("$1.125");
        assertThat(Format.usd(new BigDecimal("0.79999999999"))).isEqualTo("$0.80");
        assertThat(Format.usdCents(new BigDecimal("0.375"))).isEqualTo("$0.38");
        assertThat(Format.usdCents(new BigDecimal("-0.06"))).isEqualTo("-$0.06");
        assertThat(Format.percent(new BigDecimal("0.625"))).isEqualTo("62.5%");
        assertThat(Format.ratio(new BigDecimal("2.6666666667"))).isEqualTo("2.67");
        assertThat(Format.compactTokens(1_047_576)).isEqualTo("1.05M");
    }

    @Test
    void a_missing_price_is_an_error_never_zero() {
        PriceSheet inputOnly = PriceSheet.builder().rate(PriceKind.INPUT, "2").build();
        assertThatThrownBy(() -> CostCalculator.price(inputOnly, Usage.of(10, 10)))
                .isInstanceOf(PriceUnknownException.class).hasMessage("no output price is known for this offering");
        assertThatThrownBy(() -> CostCalculator.price(mini, Usage.of(10, 10), ServiceTier.FLEX))
                .isInstanceOf(PriceUnknownException.class).hasMessage("no flex price is known for this offering");
        assertThatThrownBy(() -> CostCalculator.price(mini, Usage.images("high", "1024x1024", 1)))
                .isInstanceOf(PriceUnknownException.class).hasMessageContaining("no image price");
    }

    @Test
    void cached_input_without_its_own_price_is_billed_at_input_and_says_so() {
        PriceSheet noCache = PriceSheet.builder().rate(PriceKind.INPUT, "1").rate(PriceKind.OUTPUT, "2").build();
        Cost c = CostCalculator.price(noCache, Usage.of(1_000_000, 500_000, 0));
        assertThat(c.totalUsd()).isEqualByComparingTo("1");
        assertThat(c.lines()).filteredOn(l -> l.item().equals("cached_input")).singleElement()
                .satisfies(l -> assertThat(l.note()).isEqualTo("no cached input price; billed at the input rate"));
    }

    @Test
    void batch_tier_uses_its_own_sheet() {
        assertThat(CostCalculator.price(mini, Usage.of(1_000_000, 1_000_000), ServiceTier.BATCH).totalUsd()).isEqualByComparingTo("1");
    }

    @Test
    void images_are_priced_by_quality_and_size() {
        PriceSheet image = PriceSheet.builder().image(new ImagePrice("low", "1024x1024", new BigDecimal("0.005")))
                .image(new ImagePrice("medium", "1024x1536", new BigDecimal("0.015"))).build();
        Usage u = new Usage(0, 0, 0, 0, 0, 0, 0, List.of(new Usage.ImageCount("low", "1024x1024", 10), new Usage.ImageCount("medium", "1024x1536", 2)));
        assertThat(CostCalculator.price(image, u).totalUsd()).isEqualByComparingTo("0.08");
    }

    @Test
    void usage_rejects_parts_larger_than_the_whole() {
        assertThatThrownBy(() -> Usage.of(10, 20, 0)).hasMessageContaining("cannot exceed input tokens (10)");
        assertThatThrownBy(() -> new TokenRate(new BigDecimal("-1"))).hasMessageContaining("cannot be negative");
    }
}
