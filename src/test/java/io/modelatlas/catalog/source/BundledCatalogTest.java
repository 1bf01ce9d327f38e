package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.catalog.UnknownModelException;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facts of SEED-FACTS.md, read from the real bundled catalog. */
class BundledCatalogTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    private static PriceSheet prices(String id) {
        return catalog.require(id).prices().orElseThrow();
    }

    private static BigDecimal rate(PriceSheet s, PriceKind k) {
        return s.rate(k).orElseThrow().usdPerMillion();
    }

    @Test
    void the_whole_catalog_loads_with_thousands_of_offerings() {
        assertThat(catalog.models()).hasSizeGreaterThan(2_000);
        assertThat(catalog.offeringCount()).isGreaterThan(7_000);
        assertThat(catalog.models()).extracting(Model::type).contains(ModelType.CHAT, ModelType.EMBEDDING, ModelType.IMAGE_GENERATION, ModelType.COMPLETION);
        assertThat(catalog.sources()).extracting(s -> s.name()).containsExactly("litellm", "modelsdev", "openrouter", "genaiprices", "benchmarks", "overlay", "leaderboards");
        // the five leaderboards' rows, each counted once; two of them publish no licence file, and the source says so
        assertThat(catalog.sources().get(6).entries()).isEqualTo(LeaderboardTable.readBundled().size());
        assertThat(catalog.sources().get(6).license()).contains("no licence file");
    }

    @Test
    void every_model_id_names_a_model_not_just_a_version() {
        // LiteLLM lists "fireworks_ai/accounts/fireworks/models/" and "fal_ai/bria/text-to-image/3.2"
        assertThat(catalog.models()).allSatisfy(m -> assertThat(m.id()).as("model id").containsPattern("[A-Za-z]"));
        assertThat(catalog.find("bria-text-to-image-3.2")).isPresent();
    }

    @Test
    void gpt_4_1_prices_come_from_openai_with_batch_and_priority_tiers() {
        PriceSheet s = prices("gpt-4.1");
        assertThat(rate(s, PriceKind.INPUT)).isEqualByComparingTo("2");
        assertThat(rate(s, PriceKind.OUTPUT)).isEqualByComparingTo("8");
        assertThat(rate(s, PriceKind.CACHED_INPUT)).isEqualByComparingTo("0.5");
        assertThat(rate(s.forTier(ServiceTier.BATCH).orElseThrow(), PriceKind.INPUT)).isEqualByComparingTo("1");
        assertThat(rate(s.forTier(ServiceTier.BATCH).orElseThrow(), PriceKind.OUTPUT)).isEqualByComparingTo("4");
        assertThat(rate(s.forTier(ServiceTier.PRIORITY).orElseThrow(), PriceKind.INPUT)).isEqualByComparingTo("3.5");
        assertThat(rate(s.forTier(ServiceTier.PRIORITY).orElseThrow(), PriceKind.OUTPUT)).isEqualByComparingTo("14");
        assertThat(catalog.require("gpt-4.1").primaryOffering().orElseThrow().qualifiedId()).isEqualTo("openai/gpt-4.1");
    }

    @Test
    void mini_models_have_the_prices_every_source_agrees_on() {
        assertThat(rate(prices("gpt-4.1-mini"), PriceKind.INPUT)).isEqualByComparingTo("0.4");
        assertThat(rate(prices("gpt-4.1-mini"), PriceKind.OUTPUT)).isEqualByComparingTo("1.6");
        assertThat(rate(prices("gpt-4.1-mini"), PriceKind.CACHED_INPUT)).isEqualByComparingTo("0.1");
        assertThat(rate(prices("gpt-4o-mini"), PriceKind.INPUT)).isEqualByComparingTo("0.15");
        assertThat(rate(prices("gpt-4o-mini"), PriceKind.OUTPUT)).isEqualByComparingTo("0.6");
        assertThat(rate(prices("gpt-4o-mini"), PriceKind.CACHED_INPUT)).isEqualByComparingTo("0.075");
    }

    @Test
    void limits_and_dates_match_the_sources() {
        Model m41 = catalog.require("gpt-4.1");
        assertThat(m41.contextWindow().value()).isEqualTo(1_047_576L);
        assertThat(m41.maxOutputTokens().value()).isEqualTo(32_768L);
        Model m4o = catalog.require("gpt-4o-mini");
        assertThat(m4o.contextWindow().value()).isEqualTo(128_000L);
        assertThat(m4o.maxOutputTokens().value()).isEqualTo(16_384L);
        assertThat(m4o.releaseDate().value()).isEqualTo(PartialDate.parse("2024-07-18"));
        assertThat(catalog.require("gpt-4.1-mini").releaseDate().value()).isEqualTo(PartialDate.parse("2025-04-14"));
    }

    @Test
    void gpt_4_1_knowledge_cutoff_is_disputed_between_sources() {
        var cutoff = catalog.require("gpt-4.1").knowledgeCutoff();
        assertThat(cutoff.value()).isEqualTo(PartialDate.parse("2024-04"));
        assertThat(cutoff.source().source()).isEqualTo("models.dev");
        assertThat(cutoff.disagreements()).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo(PartialDate.parse("2024-06-30"));
            assertThat(a.source().source()).isEqualTo("openrouter");
        });
    }

    @Test
    void gpt_5_mini_context_and_max_input_are_different_fields() {
        Model m = catalog.require("gpt-5-mini");
        assertThat(m.contextWindow().value()).isEqualTo(400_000L);
        assertThat(m.maxInputTokens().value()).isEqualTo(272_000L);
        assertThat(m.contextWindow().disputed()).isFalse();
    }

    @Test
    void gpt_image_1_mini_sells_images_by_quality_and_size_and_has_no_context_window() {
        Model m = catalog.require("gpt-image-1-mini");
        PriceSheet s = m.prices().orElseThrow();
        assertThat(m.type()).isEqualTo(ModelType.IMAGE_GENERATION);
        assertThat(rate(s, PriceKind.INPUT)).isEqualByComparingTo("2");
        assertThat(s.imagePrice("low", "1024x1024").map(ImagePrice::usdPerImage).orElseThrow()).isEqualByComparingTo("0.005");
        assertThat(s.imagePrice("low", "1024x1536").map(ImagePrice::usdPerImage).orElseThrow()).isEqualByComparingTo("0.006");
        assertThat(s.imagePrice("medium", "1024x1024").map(ImagePrice::usdPerImage).orElseThrow()).isEqualByComparingTo("0.011");
        assertThat(s.imagePrice("medium", "1024x1536").map(ImagePrice::usdPerImage).orElseThrow()).isEqualByComparingTo("0.015");
        assertThat(s.imagePrice("high", "1024x1024")).isEmpty();
        assertThat(s.rate(PriceKind.OUTPUT)).isEmpty();
        assertThat(m.contextWindow()).isNull();
        assertThat(m.supports(Capability.FUNCTION_CALLING)).contains(false);
    }

    @Test
    void curated_successors_and_fine_tuning_evidence() {
        assertThat(catalog.require("gpt-4.1").status().value().lifecycle()).isEqualTo(Lifecycle.SUPERSEDED);
        assertThat(catalog.require("gpt-4.1").status().value().successorId()).isEqualTo("gpt-5.1");
        assertThat(catalog.require("gpt-4.1-mini").status().value().successorId()).isEqualTo("gpt-5-mini");
        assertThat(catalog.require("gpt-4.1").supports(Capability.FINE_TUNING)).contains(true);
        assertThat(catalog.require("gpt-4.1-mini").supports(Capability.FINE_TUNING)).contains(true);
        assertThat(catalog.byId("gpt-5.1")).isPresent();
    }

    @Test
    void ids_qualified_ids_and_display_names_resolve_to_one_model() {
        Model m = catalog.require("gpt-4.1-mini");
        assertThat(catalog.require("openai/gpt-4.1-mini")).isSameAs(m);
        assertThat(catalog.require("GPT-4.1 Mini")).isSameAs(m);
        assertThat(catalog.require("gpt-4.1-mini-2025-04-14")).isSameAs(m);
    }

    @Test
    void an_unknown_id_fails_with_the_closest_suggestions() {
        assertThatThrownBy(() -> catalog.require("gpt-4.1-mnii"))
                .isInstanceOfSatisfying(UnknownModelException.class, e -> assertThat(e.suggestions()).first().isEqualTo("gpt-4.1-mini"));
    }

    @Test
    void benchmarks_keep_their_source_and_variant() {
        Benchmark mmlu = catalog.require("gpt-4.1-mini").benchmarks().stream().filter(b -> b.name().equals("simple-evals MMLU")).findFirst().orElseThrow();
        assertThat(mmlu.score()).isEqualByComparingTo("87.5");
        assertThat(mmlu.source().source()).isEqualTo("openai/simple-evals");
        Benchmark aider4o = catalog.require("gpt-4o-mini").benchmarks().stream().filter(b -> b.name().startsWith("Aider")).findFirst().orElseThrow();
        Benchmark aider41 = catalog.require("gpt-4.1").benchmarks().stream().filter(b -> b.name().startsWith("Aider")).findFirst().orElseThrow();
        assertThat(aider4o.variant()).isEqualTo("edit_format=whole");
        assertThat(aider41.variant()).isEqualTo("edit_format=diff");
        assertThat(aider4o.comparableWith(aider41)).isFalse();
        assertThat(catalog.require("gpt-4.1-mini").benchmarks(BenchmarkKind.OUTPUT_SPEED)).singleElement()
                .satisfies(b -> assertThat(b.score()).isEqualByComparingTo("87.093"));
    }

    @Test
    void unknown_prices_stay_unknown_and_free_stays_free() {
        long unpriced = catalog.models().stream().filter(m -> m.prices().isEmpty()).count();
        assertThat(unpriced).isPositive();
        assertThat(catalog.models()).allSatisfy(m -> m.offerings().forEach(o -> {
            if (o.prices() != null) {
                assertThat(o.prices().value().isEmpty()).isFalse();
            }
        }));
        Model auto = catalog.find("openrouter/auto").orElse(null);
        if (auto != null) {
            assertThat(auto.offerings().stream().filter(o -> o.provider().equals("openrouter")).findFirst().orElseThrow()
                    .prices() == null || auto.prices().flatMap(p -> p.rate(PriceKind.INPUT)).isEmpty()).isTrue();
        }
    }

    @Test
    void tokenizers_are_mapped_in_data() {
        assertThat(catalog.require("gpt-4.1-mini").tokenizer()).isEqualTo("o200k_base");
        assertThat(catalog.require("gpt-3.5-turbo").tokenizer()).isEqualTo("cl100k_base");
        assertThat(catalog.require("text-embedding-3-small").tokenizer()).isEqualTo("cl100k_base");
        assertThat(catalog.models().stream().filter(m -> m.creatorId().equals("anthropic")).findFirst().orElseThrow().tokenizer()).isNull();
    }

    @Test
    void intelligence_tiers_are_derived_from_the_catalog_with_their_definition_and_speed_tiers_wait_for_enough_figures() {
        var rankings = io.modelatlas.catalog.CatalogRankings.of(catalog);
        var intelligence = rankings.intelligenceTier(catalog.require("gpt-4.1-mini")).orElseThrow();
        assertThat(intelligence.value()).isEqualByComparingTo("14.8");
        assertThat(intelligence.definition()).startsWith("quartile ").contains("Artificial Analysis Intelligence Index",
                "of " + rankings.intelligencePopulation() + " models with a published figure");
        // five models have a measured output speed: too few for a quartile to mean anything
        assertThat(rankings.speedPopulation()).isEqualTo(5);
        assertThat(rankings.speedTier(catalog.require("gpt-4.1-mini"))).isEmpty();
        assertThat(rankings.intelligenceTier(catalog.require("gpt-image-1-mini"))).isEmpty();
    }

    @Test
    void impossible_dates_in_real_files_are_reported_as_warnings() {
        assertThat(catalog.sources().get(1).warnings()).anySatisfy(w -> assertThat(w).contains("2025-25-11"));
    }

    @Test
    void a_published_batch_price_means_the_batch_api_exists() {
        // LiteLLM lists no endpoints for gpt-4o-2024-05-13 but publishes its batch prices ($2.50 / $7.50)
        assertThat(prices("gpt-4o-2024-05-13").forTier(ServiceTier.BATCH)).isPresent();
        assertThat(catalog.require("gpt-4o-2024-05-13").capability(Capability.BATCH))
                .hasValueSatisfying(f -> assertThat(f.value()).isTrue());
    }
}
