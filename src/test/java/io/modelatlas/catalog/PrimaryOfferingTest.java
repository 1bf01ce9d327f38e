package io.modelatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimaryOfferingTest {
    private static Offering offering(String provider, String apiId, String input) {
        PriceSheet sheet = input == null ? PriceSheet.builder().build() : PriceSheet.builder().rate(PriceKind.INPUT, input).rate(PriceKind.OUTPUT, "1").build();
        return new Offering(provider, apiId, Fact.of(sheet, Fixtures.LITELLM), null, null);
    }

    private static Model withOfferings(Offering... offerings) {
        Model m = Fixtures.gpt41Mini();
        return new Model(m.id(), m.displayName(), m.creatorId(), m.creatorName(), m.family(), m.aliases(), m.type(), m.description(),
                m.releaseDate(), m.knowledgeCutoff(), m.inputModalities(), m.outputModalities(), m.contextWindow(), m.maxInputTokens(),
                m.maxOutputTokens(), m.capabilities(), m.endpoints(), m.status(), m.benchmarks(), m.strengths(), m.bestFor(),
                List.of(offerings), m.tokenizer());
    }

    @Test
    void the_creators_own_offering_under_the_models_id_speaks_for_it() {
        Model m = withOfferings(offering("azure", "gpt-4.1-mini", "0.3"), offering("openai", "gpt-4.1-mini-2025-04-14", "0.5"),
                offering("openai", "gpt-4.1-mini", "0.4"));

        assertThat(m.primaryOffering().orElseThrow().qualifiedId()).isEqualTo("openai/gpt-4.1-mini");
        assertThat(m.offerings()).hasSize(3).first().extracting(Offering::provider).isEqualTo("azure"); // order kept
    }

    @Test
    void without_the_creator_the_price_most_resellers_agree_on_wins_over_an_outlier() {
        Model m = withOfferings(offering("cheapo", "x/gpt-4.1-mini", "0.01"), offering("azure", "gpt-4.1-mini", "0.4"),
                offering("openrouter", "openai/gpt-4.1-mini", "0.4"), offering("unpriced", "gpt-4.1-mini", null));

        assertThat(m.primaryOffering().orElseThrow().provider()).isEqualTo("azure");
    }

    @Test
    void an_offering_asked_for_by_provider_is_its_priced_listing_in_any_case_else_its_first() {
        Model m = withOfferings(offering("azure", "gpt-4.1-mini-eu", null), offering("azure", "gpt-4.1-mini", "0.4"),
                offering("openrouter", "openai/gpt-4.1-mini", null));

        assertThat(m.offeringBy("Azure").orElseThrow().qualifiedId()).isEqualTo("azure/gpt-4.1-mini");
        assertThat(m.offeringBy("openrouter").orElseThrow().priceKnown()).isFalse();
        assertThat(m.offeringBy("bedrock")).isEmpty();
    }

    @Test
    void no_priced_offering_means_no_primary_and_no_prices() {
        Model m = withOfferings(offering("openai", "gpt-4.1-mini", null));

        assertThat(m.primaryOffering()).isEmpty();
        assertThat(m.prices()).isEmpty();
        assertThat(m).isEqualTo(withOfferings(offering("openai", "gpt-4.1-mini", null))); // still a value
    }

    @Test
    void dates_print_as_iso_to_the_month_or_day() {
        assertThat(PartialDate.parse("2024-04")).hasToString("2024-04");
        assertThat(PartialDate.parse("2025-04-14")).hasToString("2025-04-14");
        assertThat(new PartialDate(987, 1, 5)).hasToString("0987-01-05");
    }
}
