package io.modelatlas.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a usage on a price sheet, exactly. Rules, the same as LiteLLM's and genai-prices' tests:
 * <ul>
 *   <li>Uncached input = input - cached reads - cache writes; each part at its own rate. A cached read or cache
 *       write with no rate of its own is billed at the input rate, and the line says so.</li>
 *   <li>Reasoning and image output tokens are part of the output; they use their own rate where the sheet has
 *       one, else the output rate.</li>
 *   <li>Long-context tiers: the request's total input tokens pick, per kind, the highest crossed threshold, and
 *       every token of that kind is billed at that rate (not marginally). See {@link TierRule} for the boundary.</li>
 *   <li>A needed price the sheet lacks throws {@link PriceUnknownException}: never priced at $0.</li>
 * </ul>
 */
public final class CostCalculator {

    private CostCalculator() {}

    public static Cost price(PriceSheet standard, Usage usage, ServiceTier serviceTier) {
        return price(standard, usage, serviceTier, usage.inputTokens());
    }

    /**
     * Prices a usage with the long-context tiers chosen for requests of {@code tierBasis} input tokens each: for a sum
     * of many requests that all cross the same thresholds (request-log replay), the sum's own input count would
     * cross thresholds no single request did.
     */
    public static Cost price(PriceSheet standard, Usage usage, ServiceTier serviceTier, long tierBasis) {
        PriceSheet sheet = standard.forTier(serviceTier).orElseThrow(() ->
                new PriceUnknownException("no " + serviceTier.jsonName() + " price is known for this offering"));
        long basis = tierBasis;
        List<CostLine> lines = new ArrayList<>();
        addTokens(lines, sheet, basis, PriceKind.INPUT, null, usage.uncachedInputTokens());
        addTokens(lines, sheet, basis, PriceKind.CACHED_INPUT, PriceKind.INPUT, usage.cachedInputTokens());
        addTokens(lines, sheet, basis, PriceKind.CACHE_WRITE, PriceKind.INPUT, usage.cacheWriteTokens());
        addTokens(lines, sheet, basis, PriceKind.CACHE_WRITE_1H, PriceKind.CACHE_WRITE, usage.cacheWrite1hTokens());
        addTokens(lines, sheet, basis, PriceKind.OUTPUT, null, usage.textOutputTokens());
        addTokens(lines, sheet, basis, PriceKind.REASONING, PriceKind.OUTPUT, usage.reasoningTokens());
        addTokens(lines, sheet, basis, PriceKind.OUTPUT_IMAGE, PriceKind.OUTPUT, usage.outputImageTokens());
        for (Usage.ImageCount images : usage.images()) {
            if (images.count() == 0) {
                continue;
            }
            ImagePrice price = sheet.imagePrice(images.quality(), images.size()).orElseThrow(() ->
                    new PriceUnknownException("no image price is known for quality " + orAny(images.quality())
                            + " and size " + orAny(images.size())));
            lines.add(new CostLine("images", images.count(), "image", price.usdPerImage(),
                    price.usdPerImage().multiply(BigDecimal.valueOf(images.count())), describe(price)));
        }
        BigDecimal total = lines.stream().map(CostLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Cost(lines, total.signum() == 0 ? BigDecimal.ZERO : total.stripTrailingZeros(), serviceTier);
    }

    public static Cost price(PriceSheet sheet, Usage usage) {
        return price(sheet, usage, ServiceTier.STANDARD);
    }

    private static void addTokens(List<CostLine> lines, PriceSheet sheet, long basis, PriceKind kind,
                                  PriceKind fallback, long tokens) {
        if (tokens == 0) {
            return;
        }
        String note = null;
        TokenRate rate = sheet.rate(kind, basis).orElse(null);
        if (rate == null && fallback != null) {
            rate = sheet.rate(fallback, basis).orElse(null);
            if (rate == null && fallback == PriceKind.CACHE_WRITE) {
                rate = sheet.rate(PriceKind.INPUT, basis).orElse(null);
                fallback = PriceKind.INPUT;
            }
            note = "no " + kind.label() + " price; billed at the " + fallback.label() + " rate";
        }
        if (rate == null) {
            throw new PriceUnknownException("no " + kind.label() + " price is known for this offering");
        }
        if (!sheet.tiers().getOrDefault(kind, List.of()).isEmpty() && !rate.equals(sheet.rates().get(kind))) {
            note = "long-context rate: " + basis + " input tokens cross the tier threshold";
        }
        lines.add(new CostLine(kind.jsonName(), tokens, "token", rate.usdPerMillion(), rate.costOf(tokens), note));
    }

    private static String orAny(String s) {
        return s == null ? "(any)" : s;
    }

    private static String describe(ImagePrice p) {
        String q = p.quality() == null ? "" : p.quality() + " ";
        String s = p.size() == null ? "" : p.size() + " ";
        return (q + s).isBlank() ? null : (q + s).trim();
    }

}
