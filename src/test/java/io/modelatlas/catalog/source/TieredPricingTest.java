package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Offering;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.Usage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LiteLLM's {@code tiered_pricing} (dashscope): the whole request at the rates of the range its input falls in, a range
 * matching {@code start < input <= end} as in LiteLLM's {@code select_tier_for_input}. Prices of the real bundled file.
 */
class TieredPricingTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    /** Alibaba's own API, which LiteLLM calls dashscope: its LiteLLM sheet carries the tiers. */
    private static PriceSheet alibaba(String model, String apiId) {
        Offering o = catalog.require(model).offerings().stream().filter(x -> x.qualifiedId().equals("alibaba/" + apiId)).findFirst().orElseThrow();
        assertThat(o.priceKnown()).as("alibaba/" + apiId + " is priced").isTrue();
        return o.prices().value();
    }

    @Test
    void qwen_flash_bills_the_whole_request_at_the_tier_of_its_input() {
        PriceSheet s = alibaba("qwen-flash", "qwen-flash");
        // range [0, 256000]: $0.05 in, $0.40 out per million
        assertThat(CostCalculator.price(s, Usage.of(100_000, 1_000)).totalUsd()).isEqualTo("0.0054"); // 0.005 + 0.0004
        // range [256000, 1000000]: $0.25 in, $2.00 out per million, on every token of the request
        assertThat(CostCalculator.price(s, Usage.of(300_000, 1_000)).totalUsd()).isEqualTo("0.077"); // 0.075 + 0.002
    }

    @Test
    void exactly_256000_input_tokens_stay_in_the_first_range() {
        PriceSheet s = alibaba("qwen-flash", "qwen-flash");
        assertThat(CostCalculator.price(s, Usage.of(256_000, 0)).totalUsd()).isEqualTo("0.0128"); // x 0.05
        assertThat(CostCalculator.price(s, Usage.of(256_001, 0)).totalUsd()).isEqualTo("0.06400025"); // x 0.25
    }

    @Test
    void reasoning_and_cached_rates_step_with_the_tier() {
        PriceSheet plus = alibaba("qwen-plus", "qwen-plus-2025-09-11");
        assertThat(plus.rate(PriceKind.REASONING, 300_000).orElseThrow().usdPerMillion()).isEqualByComparingTo("12");
        assertThat(plus.rate(PriceKind.REASONING, 1_000).orElseThrow().usdPerMillion()).isEqualByComparingTo("4");
        PriceSheet coder = alibaba("qwen3-coder-plus", "qwen3-coder-plus");
        assertThat(coder.tierThresholds()).containsExactly(32_000L, 128_000L, 256_000L);
        assertThat(coder.rate(PriceKind.CACHED_INPUT, 100_000).orElseThrow().usdPerMillion()).isEqualByComparingTo("0.18");
    }

    private static PriceSheet parse(String json) throws Exception {
        JsonNode node = new ObjectMapper().readTree(json);
        return LiteLlmSource.priceSheet(new JsonFields("test.json"), node, "$['x']").build();
    }

    @Test
    void a_rate_one_range_lacks_is_that_ranges_own_input_or_output_rate() throws Exception {
        PriceSheet s = parse("""
                {"tiered_pricing": [
                  {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "cache_read_input_token_cost": 1e-07, "range": [0, 1000]},
                  {"input_cost_per_token": 3e-06, "output_cost_per_token": 4e-06, "range": [1000, 5000]}]}""");
        assertThat(s.rate(PriceKind.CACHED_INPUT, 500).orElseThrow().usdPerMillion()).isEqualByComparingTo("0.1");
        assertThat(s.rate(PriceKind.CACHED_INPUT, 2_000).orElseThrow().usdPerMillion()).isEqualByComparingTo("3");
        // past the last range's end: the last range, as LiteLLM does
        assertThat(s.rate(PriceKind.INPUT, 9_000).orElseThrow().usdPerMillion()).isEqualByComparingTo("3");
    }

    @Test
    void per_query_tiers_are_not_token_tiers_and_bad_ranges_are_refused() throws Exception {
        assertThat(parse("""
                {"tiered_pricing": [{"input_cost_per_query": 0.005, "max_results_range": [0, 25]}]}""").isEmpty()).isTrue();
        assertThatThrownBy(() -> parse("""
                {"tiered_pricing": [{"input_cost_per_token": 1e-06, "range": [10, 1000]}]}"""))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("tiered_pricing[0].range");
        assertThatThrownBy(() -> parse("""
                {"tiered_pricing": [{"input_cost_per_token": 1e-06, "range": "all"}]}"""))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("expected [start, end] token counts");
    }

    @Test
    void a_one_hour_cache_write_below_the_five_minute_one_is_left_unknown_not_shown() throws Exception {
        PriceSheet wrong = parse("""
                {"input_cost_per_token": 1.5e-05, "cache_creation_input_token_cost": 1.875e-05,
                 "cache_creation_input_token_cost_above_1hr": 6e-06}""");
        assertThat(wrong.rate(PriceKind.CACHE_WRITE_1H)).isEmpty();
        assertThat(wrong.rate(PriceKind.CACHE_WRITE).orElseThrow().usdPerMillion()).isEqualByComparingTo("18.75");
        PriceSheet right = parse("""
                {"input_cost_per_token": 1.5e-05, "cache_creation_input_token_cost": 1.875e-05,
                 "cache_creation_input_token_cost_above_1hr": 3e-05}""");
        assertThat(right.rate(PriceKind.CACHE_WRITE_1H).orElseThrow().usdPerMillion()).isEqualByComparingTo("30");
    }

    @Test
    void claude_3_opus_shows_no_one_hour_cache_write_at_6_dollars() {
        // LiteLLM's entry carries 6e-06, under its own 5-minute write (1.875e-05): a data error, not Anthropic's $30
        Offering anthropic = catalog.require("claude-3-opus-20240229").offerings().stream()
                .filter(o -> o.provider().equals("anthropic")).findFirst().orElseThrow();
        assertThat(anthropic.prices().value().rate(PriceKind.CACHE_WRITE_1H).map(r -> r.usdPerMillion().stripTrailingZeros().toPlainString()))
                .isNotEqualTo(java.util.Optional.of("6"));
    }
}
