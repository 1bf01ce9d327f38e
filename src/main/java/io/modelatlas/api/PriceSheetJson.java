package io.modelatlas.api;

import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Tier;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A price sheet: USD per million tokens by kind, long-context tiers, per-image prices and other service tiers. */
public record PriceSheetJson(
        Map<String, BigDecimal> usdPerMillion,
        Map<String, List<TierJson>> longContextTiers,
        String tierRule,
        List<ImageJson> images,
        Map<String, PriceSheetJson> serviceTiers) {

    public record TierJson(long aboveInputTokens, BigDecimal usdPerMillion) {}

    public record ImageJson(String quality, String size, BigDecimal usdPerImage) {}

    public static PriceSheetJson from(PriceSheet s) {
        if (s == null) {
            return null;
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        s.rates().forEach((k, v) -> rates.put(k.jsonName(), v.usdPerMillion()));
        Map<String, List<TierJson>> tiers = new LinkedHashMap<>();
        s.tiers().forEach((PriceKind k, List<Tier> list) -> tiers.put(k.jsonName(),
                list.stream().map(t -> new TierJson(t.threshold(), t.rate().usdPerMillion())).toList()));
        Map<String, PriceSheetJson> service = new LinkedHashMap<>();
        s.serviceTiers().forEach((ServiceTier t, PriceSheet sheet) -> service.put(t.jsonName(), from(sheet)));
        List<ImageJson> images = s.images().stream().map((ImagePrice p) -> new ImageJson(p.quality(), p.size(), p.usdPerImage())).toList();
        return new PriceSheetJson(rates, tiers.isEmpty() ? null : tiers, tiers.isEmpty() ? null : s.tierRule().name().toLowerCase(java.util.Locale.ROOT),
                images.isEmpty() ? null : images, service.isEmpty() ? null : service);
    }
}
