package io.modelatlas.catalog;

import java.util.List;

/**
 * The one rule that picks the shown value when sources disagree; the others are kept as
 * {@link Fact.Alternative}s and shown on pages and in {@code modelatlas discrepancies}.
 *
 * <ul>
 *   <li>Model specs (knowledge cutoff, release date, modalities, limits, capabilities, description):
 *       curated overlay, then models.dev, then LiteLLM, then OpenRouter, then genai-prices. models.dev is edited per
 *       model by hand with dates and limits; LiteLLM is edited for billing; OpenRouter's listing is a router's view;
 *       genai-prices states only a context window (and deprecation) beside its prices, so it speaks last.</li>
 *   <li>An offering's price sheet: LiteLLM, then genai-prices, then models.dev, then OpenRouter. LiteLLM's sheets carry
 *       batch, flex, priority and long-context tiers that the others lack. genai-prices comes next because each of its
 *       prices is tied to the provider's official pricing page (its {@code pricing_urls}), is reviewed per change
 *       against that page, and carries dated price changes and long-context tiers; models.dev is edited per model for
 *       specs more than for billing, and OpenRouter's listing is a router's own price. The overlay may still set a
 *       price a source lacks.</li>
 *   <li>Within one source, the creator's own offering (OpenAI for GPT-4.1) speaks for the model, and its entry
 *       under the model's own id before dated snapshots.</li>
 * </ul>
 */
public final class SourcePrecedence {
    public static final String OVERLAY = "overlay";
    public static final String MODELS_DEV = "models.dev";
    public static final String LITELLM = "litellm";
    public static final String OPENROUTER = "openrouter";
    /** pydantic's genai-prices: the carrier; each price cites the provider's own pricing page. */
    public static final String GENAI_PRICES = "genai-prices";

    public static final List<String> SPECS = List.of(OVERLAY, MODELS_DEV, LITELLM, OPENROUTER, GENAI_PRICES);
    public static final List<String> PRICES = List.of(OVERLAY, LITELLM, GENAI_PRICES, MODELS_DEV, OPENROUTER);

    private SourcePrecedence() {}

    /** Position of a source in a precedence list; unknown sources (benchmark tables) come last. */
    public static int rank(List<String> order, String source) {
        int i = order.indexOf(source);
        return i < 0 ? order.size() : i;
    }
}
