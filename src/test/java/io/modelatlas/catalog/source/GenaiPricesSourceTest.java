package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.DatedPrice;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * genai-prices' v2 feed, read from a cut of the real file (src/test/resources/genaiprices/data-cut.json) through the
 * loader's own JSON reading, so numbers reach the reader as the file writes them.
 */
class GenaiPricesSourceTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-08-21");

    private static byte[] fixture() {
        try (InputStream in = GenaiPricesSourceTest.class.getResourceAsStream("/genaiprices/data-cut.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SourceRecord> records(byte[] json, LocalDate asOf) {
        JsonFile parsed = JsonFile.of(json);
        return GenaiPricesSource.read(parsed.root(), "data-cut.json", asOf).records();
    }

    private static SourceRecord record(String provider, String id, LocalDate asOf) {
        return records(fixture(), asOf).stream().filter(r -> r.provider().equals(provider) && r.apiModelId().equals(id)).findFirst().orElseThrow();
    }

    private static BigDecimal rate(SourceRecord r, PriceKind kind) {
        return r.prices().rate(kind).orElseThrow().usdPerMillion();
    }

    /** The loader's JSON reading (BigDecimal for every number), without merging anything. */
    private record JsonFile(com.fasterxml.jackson.databind.JsonNode root) {
        static JsonFile of(byte[] json) {
            return new JsonFile(CatalogLoader.json("data-cut.json", new String(json, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void each_model_is_an_offering_of_its_provider_citing_the_providers_pricing_page_with_genai_prices_as_carrier() {
        SourceRecord gpt41 = record("openai", "gpt-4.1", AS_OF);

        assertThat(gpt41.source()).isEqualTo(SourcePrecedence.GENAI_PRICES);
        assertThat(gpt41.provenance().key()).isEqualTo("openai/gpt-4.1 citing https://developers.openai.com/api/docs/pricing");
        assertThat(gpt41.provenance().asOf()).isEqualTo(AS_OF);
        assertThat(rate(gpt41, PriceKind.INPUT)).isEqualByComparingTo("2");
        assertThat(rate(gpt41, PriceKind.CACHED_INPUT)).isEqualByComparingTo("0.5");
        assertThat(rate(gpt41, PriceKind.OUTPUT)).isEqualByComparingTo("8");
        assertThat(gpt41.contextWindow()).isEqualTo(1_000_000L);
        // unknown stays unknown: no cache-write price is stated for gpt-4.1, and no name or description is taken
        assertThat(gpt41.prices().rate(PriceKind.CACHE_WRITE)).isEmpty();
        assertThat(gpt41.description()).isNull();
        assertThat(gpt41.name()).isNull();
        assertThat(records(fixture(), AS_OF)).hasSize(10);
    }

    @Test
    void prices_are_the_decimals_the_file_writes_never_rounded_through_double() {
        SourceRecord mini = record("openai", "gpt-4o-mini", AS_OF);
        assertThat(rate(mini, PriceKind.CACHED_INPUT)).hasToString("0.075");
        assertThat(rate(mini, PriceKind.INPUT)).hasToString("0.15");

        // 21 significant digits (20 decimal places, the most a price may have): a double keeps about 17, so this survives only as text-to-BigDecimal
        byte[] precise = """
                [{"id": "p", "pricing_urls": ["https://p.example/pricing"], "models": [
                  {"id": "m", "match": {"equals": "m"}, "prices": {"input_mtok": 1.23456789012345678901, "output_mtok": 3}}]}]
                """.getBytes(StandardCharsets.UTF_8);
        SourceRecord m = records(precise, AS_OF).get(0);
        assertThat(rate(m, PriceKind.INPUT)).isEqualTo(new BigDecimal("1.23456789012345678901"));
    }

    @Test
    void base_and_tiers_become_the_base_rate_and_a_long_context_tier_billing_the_whole_request() {
        PriceSheet sonnet = record("anthropic", "claude-sonnet-4-5", AS_OF).prices();

        assertThat(sonnet.rate(PriceKind.INPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("3");
        assertThat(sonnet.rate(PriceKind.OUTPUT, 200_001).orElseThrow().usdPerMillion()).isEqualByComparingTo("22.5");
        assertThat(sonnet.rate(PriceKind.CACHE_WRITE_1H, 200_001).orElseThrow().usdPerMillion()).isEqualByComparingTo("12");
        assertThat(sonnet.tierThresholds()).containsExactly(200_000L);
        // genai-prices' cliff: 200,000 input tokens pay the base rate, 200,001 pay the tier rate on every token
        assertThat(CostCalculator.price(sonnet, Usage.of(200_000, 0)).totalUsd()).isEqualByComparingTo("0.6");
        assertThat(CostCalculator.price(sonnet, Usage.of(200_001, 0)).totalUsd()).isEqualByComparingTo("1.200006");
    }

    @Test
    void of_dated_prices_the_last_one_started_by_the_as_of_date_is_the_price() {
        SourceRecord o3 = record("openai", "o3", AS_OF);
        assertThat(rate(o3, PriceKind.INPUT)).isEqualByComparingTo("2"); // from 2025-06-10, not the launch price of 10
        assertThat(rate(o3, PriceKind.OUTPUT)).isEqualByComparingTo("8");

        // Sonnet 5's price rises on 2026-09-01: not yet on the file's date, in force a day after
        assertThat(rate(record("anthropic", "claude-sonnet-5", AS_OF), PriceKind.INPUT)).isEqualByComparingTo("2");
        assertThat(rate(record("anthropic", "claude-sonnet-5", LocalDate.parse("2026-09-01")), PriceKind.INPUT)).isEqualByComparingTo("3");
        assertThat(rate(record("aws", "global.anthropic.claude-sonnet-5-v1:0", AS_OF), PriceKind.OUTPUT)).isEqualByComparingTo("10");
    }

    @Test
    void every_dated_price_is_kept_oldest_first_with_its_start_date_and_the_undated_one_has_no_start() {
        List<DatedPrice> o3 = record("openai", "o3", AS_OF).datedPrices();

        assertThat(o3).extracting(DatedPrice::from).containsExactly(null, LocalDate.parse("2025-06-10"));
        assertThat(o3.get(0).prices().rate(PriceKind.INPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("10");
        assertThat(o3.get(0).prices().rate(PriceKind.OUTPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("40");
        assertThat(o3.get(1).prices().rate(PriceKind.INPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("2");
        assertThat(o3.get(1).prices().rate(PriceKind.OUTPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("8");
        assertThat(o3).allSatisfy(p -> assertThat(p.source().describe())
                .isEqualTo("genai-prices openai/o3 citing https://developers.openai.com/api/docs/pricing (2026-08-21)"));
        // a change the provider announced for after the file's date is kept, dated
        assertThat(record("anthropic", "claude-sonnet-5", AS_OF).datedPrices()).extracting(DatedPrice::from)
                .containsExactly(null, LocalDate.parse("2026-09-01"));
    }

    @Test
    void one_price_or_a_daily_window_is_no_dated_history() {
        assertThat(record("openai", "gpt-4.1", AS_OF).datedPrices()).isEmpty();
        assertThat(record("deepseek", "deepseek-chat", AS_OF).datedPrices()).isEmpty();
    }

    @Test
    void a_daily_window_covering_most_of_the_day_is_the_price_and_the_off_peak_exception_is_not() {
        SourceRecord deepseek = record("deepseek", "deepseek-chat", AS_OF);
        // 00:30-16:30 UTC is DeepSeek's standard price; the unconstrained entry is its off-peak discount
        assertThat(rate(deepseek, PriceKind.INPUT)).isEqualByComparingTo("0.27");
        assertThat(rate(deepseek, PriceKind.OUTPUT)).isEqualByComparingTo("1.1");
    }

    @Test
    void deprecated_is_a_status_statement() {
        assertThat(record("google", "gemini-2.5-flash-preview", AS_OF).deprecated()).isTrue();
        assertThat(record("openai", "gpt-4.1", AS_OF).deprecated()).isFalse();
    }

    @Test
    void openrouters_listings_are_the_routers_offerings_under_the_creators_name_and_an_empty_price_is_unknown() {
        SourceRecord routed = record("openrouter", "openai/gpt-4.1", AS_OF);
        assertThat(routed.creatorHint()).isEqualTo("openai");
        assertThat(routed.provenance().key()).isEqualTo("openrouter/openai/gpt-4.1 citing https://openrouter.ai/models");
        assertThat(rate(routed, PriceKind.INPUT)).isEqualByComparingTo("2");

        SourceRecord free = record("openrouter", "agentica-org/deepcoder-14b-preview:free", AS_OF);
        assertThat(free.prices()).as("\"prices\": {} states no price, not a price of 0").isNull();
    }

    @Test
    void a_malformed_file_is_refused_naming_the_json_path_and_what_is_wrong() {
        assertThatThrownBy(() -> records("{\"data\": []}".getBytes(StandardCharsets.UTF_8), AS_OF))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("data-cut.json").hasMessageContaining("expected a JSON array of providers");
        assertThatThrownBy(() -> records("""
                [{"id": "p", "models": [{"id": "m", "prices": {"input_mtok": -1}}]}]""".getBytes(StandardCharsets.UTF_8), AS_OF))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("$[0].models[0].prices.input_mtok").hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> records("""
                [{"id": "p", "models": [{"id": "m", "prices": {"input_mtok": {"base": 1, "tiers": [{"price": 2}]}}}]}]""".getBytes(StandardCharsets.UTF_8), AS_OF))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("$[0].models[0].prices.input_mtok.tiers[0]");
        assertThatThrownBy(() -> records("""
                [{"id": "p", "models": [{"id": "m", "prices": [{"constraint": {"start_date": "soon"}, "prices": {}}]}]}]""".getBytes(StandardCharsets.UTF_8), AS_OF))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("$[0].models[0].prices[0].constraint.start_date");
        // a file that parses but holds no usable entry would empty the source: the import check refuses it
        SourceSet.SourceFile empty = new SourceSet.SourceFile("genaiprices", "empty.json", AS_OF, false, "[]".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CatalogLoader.check(empty)).isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("empty.json").hasMessageContaining("would empty the genaiprices source");
    }

    @Test
    void in_the_bundled_catalog_genai_prices_adds_citations_without_taking_a_headline_price_litellm_states() {
        Catalog catalog = CatalogLoader.loadBundled();
        assertThat(catalog.sources()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("genaiprices");
            assertThat(s.asOf()).isEqualTo(AS_OF);
            assertThat(s.entries()).isEqualTo(1466);
        });
        for (String id : List.of("gpt-4.1", "gpt-4.1-mini", "gpt-4o-mini")) {
            Offering own = catalog.require(id).offerings().stream().filter(o -> o.qualifiedId().equals("openai/" + id)).findFirst().orElseThrow();
            Fact<PriceSheet> prices = own.prices();
            assertThat(prices.source().source()).as(id).isEqualTo(SourcePrecedence.LITELLM);
        }
        // its rounded context window (1,000,000) never disputes the exact one the other sources state
        assertThat(catalog.require("gpt-4.1").contextWindow().value()).isEqualTo(1_047_576L);
        assertThat(catalog.require("gpt-4.1").contextWindow().disagreements())
                .noneSatisfy(a -> assertThat(a.source().source()).isEqualTo(SourcePrecedence.GENAI_PRICES));
        // where it is the best price source of an offering, the price cites the provider's page
        assertThat(catalog.models().stream().flatMap(m -> m.offerings().stream()).filter(Offering::priceKnown)
                .map(o -> o.prices().source()).filter(p -> p.source().equals(SourcePrecedence.GENAI_PRICES)))
                .isNotEmpty().allSatisfy(p -> assertThat(p.key()).containsPattern(" citing https?://"));
        // OpenRouter's own listing prices an OpenRouter offering before genai-prices' copy of it
        Offering routed = catalog.require("gpt-4.1").offerings().stream().filter(o -> o.qualifiedId().equals("openrouter/openai/gpt-4.1"))
                .findFirst().orElseThrow();
        assertThat(routed.prices().source().source()).isNotEqualTo(SourcePrecedence.GENAI_PRICES);
    }
}
