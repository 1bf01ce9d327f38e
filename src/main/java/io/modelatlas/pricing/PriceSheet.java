package io.modelatlas.pricing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one offering charges. A kind with no rate is unknown, never free: {@link #rate(PriceKind)} is empty.
 * Long-context tiers are kept per kind because providers step input and output at different thresholds.
 * Batch, flex and priority prices are whole sheets of their own in {@link #serviceTiers()}.
 */
public record PriceSheet(
        Map<PriceKind, TokenRate> rates,
        Map<PriceKind, List<Tier>> tiers,
        TierRule tierRule,
        List<ImagePrice> images,
        Map<ServiceTier, PriceSheet> serviceTiers) {

    public PriceSheet {
        EnumMap<PriceKind, TokenRate> r = new EnumMap<>(PriceKind.class);
        r.putAll(rates);
        rates = Collections.unmodifiableMap(r);
        EnumMap<PriceKind, List<Tier>> sortedTiers = new EnumMap<>(PriceKind.class);
        tiers.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                List<Tier> sorted = new ArrayList<>(list);
                sorted.sort(Comparator.comparingLong(Tier::threshold));
                sortedTiers.put(kind, List.copyOf(sorted));
            }
        });
        tiers = Collections.unmodifiableMap(sortedTiers);
        tierRule = tierRule == null ? TierRule.ABOVE : tierRule;
        images = List.copyOf(images);
        EnumMap<ServiceTier, PriceSheet> st = new EnumMap<>(ServiceTier.class);
        st.putAll(serviceTiers);
        st.remove(ServiceTier.STANDARD);
        serviceTiers = Collections.unmodifiableMap(st);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base (below every tier) rate of a kind, or empty when the source does not say. */
    public Optional<TokenRate> rate(PriceKind kind) {
        return Optional.ofNullable(rates.get(kind));
    }

    /** The rate of a kind for a request with this many input tokens in all: the highest crossed tier wins. */
    public Optional<TokenRate> rate(PriceKind kind, long totalInputTokens) {
        TokenRate chosen = rates.get(kind);
        for (Tier tier : tiers.getOrDefault(kind, List.of())) {
            if (tierRule.crosses(totalInputTokens, tier.threshold())) {
                chosen = tier.rate();
            }
        }
        return Optional.ofNullable(chosen);
    }

    public Optional<PriceSheet> forTier(ServiceTier tier) {
        return tier == ServiceTier.STANDARD ? Optional.of(this) : Optional.ofNullable(serviceTiers.get(tier));
    }

    public Optional<ImagePrice> imagePrice(String quality, String size) {
        return images.stream().filter(p -> p.matches(quality, size)).findFirst();
    }

    /** The cheapest image this sheet sells, e.g. GPT Image 1 Mini's "from $0.005 / image". */
    public Optional<ImagePrice> cheapestImage() {
        return images.stream().min(Comparator.comparing(ImagePrice::usdPerImage));
    }

    public boolean hasTokenPrices() {
        return rates.containsKey(PriceKind.INPUT) || rates.containsKey(PriceKind.OUTPUT);
    }

    public boolean isEmpty() {
        return rates.isEmpty() && images.isEmpty();
    }

    /** Long-context thresholds in use, smallest first (e.g. 200,000 for Claude Sonnet 4.5). */
    public List<Long> tierThresholds() {
        return tiers.values().stream().flatMap(List::stream).map(Tier::threshold).distinct().sorted().toList();
    }

    /** Collects rates and tiers; missing kinds stay unknown. */
    public static final class Builder {
        private final EnumMap<PriceKind, TokenRate> rates = new EnumMap<>(PriceKind.class);
        private final EnumMap<PriceKind, List<Tier>> tiers = new EnumMap<>(PriceKind.class);
        private final List<ImagePrice> images = new ArrayList<>();
        private final EnumMap<ServiceTier, PriceSheet> serviceTiers = new EnumMap<>(ServiceTier.class);
        private TierRule tierRule = TierRule.ABOVE;

        public Builder rate(PriceKind kind, TokenRate rate) {
            if (rate != null) {
                rates.put(kind, rate);
            }
            return this;
        }

        public Builder rate(PriceKind kind, String usdPerMillion) {
            return rate(kind, TokenRate.perMillion(usdPerMillion));
        }

        public Builder tier(PriceKind kind, long threshold, TokenRate rate) {
            tiers.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Tier(threshold, rate));
            return this;
        }

        public Builder tierRule(TierRule rule) {
            this.tierRule = rule;
            return this;
        }

        public Builder image(ImagePrice price) {
            images.add(price);
            return this;
        }

        public Builder serviceTier(ServiceTier tier, PriceSheet sheet) {
            if (sheet != null && !sheet.isEmpty()) {
                serviceTiers.put(tier, sheet);
            }
            return this;
        }

        public boolean isEmpty() {
            return rates.isEmpty() && images.isEmpty();
        }

        public PriceSheet build() {
            return new PriceSheet(rates, tiers, tierRule, images, serviceTiers);
        }
    }
}
