package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceSheet;
import java.util.List;
import java.util.Objects;

/**
 * A model as one provider sells it: the provider's id for it and its price sheet. {@code prices} is null when no
 * source gives a price ("price unknown", never $0). Limits are the provider's own where they differ from the model's.
 * {@code priceNote} says why a price a source wrote is not used (a reseller's $0 placeholder), or is null.
 * {@code datedPrices} are the provider's price changes with the day each took effect, oldest first (empty when no
 * source dates this offering's prices): the history of the price, where {@code prices} is the one in force.
 */
public record Offering(String provider, String apiModelId, Fact<PriceSheet> prices, Long contextWindow, Long maxOutputTokens, String priceNote,
                       List<DatedPrice> datedPrices) {
    public Offering {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(apiModelId, "apiModelId");
        datedPrices = List.copyOf(datedPrices);
    }

    public Offering(String provider, String apiModelId, Fact<PriceSheet> prices, Long contextWindow, Long maxOutputTokens, String priceNote) {
        this(provider, apiModelId, prices, contextWindow, maxOutputTokens, priceNote, List.of());
    }

    public Offering(String provider, String apiModelId, Fact<PriceSheet> prices, Long contextWindow, Long maxOutputTokens) {
        this(provider, apiModelId, prices, contextWindow, maxOutputTokens, null);
    }

    public boolean priceKnown() {
        return prices != null && !prices.value().isEmpty();
    }

    /** {@code openai/gpt-4.1-mini}: how users address this offering. */
    public String qualifiedId() {
        return apiModelId.startsWith(provider + "/") ? apiModelId : provider + "/" + apiModelId;
    }
}
