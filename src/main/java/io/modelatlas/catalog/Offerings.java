package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceKind;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * A model's offerings, immutable, with the offering whose prices stand for the model chosen once: a comparison or a
 * model page asks for it dozens of times, and a record cannot keep a derived field of its own.
 */
final class Offerings extends AbstractList<Offering> implements RandomAccess {
    /** A price this many times above or below the model's median offering is a unit error or a placeholder, not a price. */
    static final BigDecimal OUTLIER_FACTOR = BigDecimal.valueOf(100);

    private final List<Offering> list;
    private final List<Offering> outliers;
    private final Offering primary;

    private Offerings(List<Offering> list, List<Offering> outliers, Offering primary) {
        this.list = list;
        this.outliers = outliers;
        this.primary = primary;
    }

    static Offerings of(List<Offering> offerings, String modelId, String creatorId) {
        List<Offering> list = List.copyOf(offerings);
        List<Offering> outliers = outliers(list, creatorId);
        return new Offerings(list, outliers, choosePrimary(list, outliers, modelId, creatorId));
    }

    Optional<Offering> primary() {
        return Optional.ofNullable(primary);
    }

    List<Offering> outliers() {
        return outliers;
    }

    /**
     * Offerings whose input price is {@link #OUTLIER_FACTOR} times off the median of the model's priced offerings
     * (the lower median, so that with two offerings the higher one is suspect: upstream unit errors inflate, as a
     * reseller's $8,000 per 1M does). The creator's own price is never an outlier of resellers' copies.
     */
    private static List<Offering> outliers(List<Offering> offerings, String creatorId) {
        List<BigDecimal> inputs = new ArrayList<>();
        for (Offering o : offerings) {
            input(o).ifPresent(inputs::add);
        }
        if (inputs.size() < 2) {
            return List.of();
        }
        inputs.sort(Comparator.naturalOrder());
        BigDecimal median = inputs.get((inputs.size() - 1) / 2);
        if (median.signum() == 0) {
            return List.of();
        }
        List<Offering> out = new ArrayList<>();
        for (Offering o : offerings) {
            if (o.provider().equals(creatorId)) {
                continue;
            }
            input(o).filter(v -> v.compareTo(median.multiply(OUTLIER_FACTOR)) >= 0
                    || v.signum() > 0 && v.multiply(OUTLIER_FACTOR).compareTo(median) <= 0).ifPresent(v -> out.add(o));
        }
        return List.copyOf(out);
    }

    private static Optional<BigDecimal> input(Offering o) {
        return o.priceKnown() ? o.prices().value().rate(PriceKind.INPUT).map(r -> r.usdPerMillion()) : Optional.empty();
    }

    /** See {@link Model#primaryOffering()}. */
    private static Offering choosePrimary(List<Offering> all, List<Offering> outliers, String modelId, String creatorId) {
        Optional<Offering> own = all.stream()
                .filter(o -> o.provider().equals(creatorId) && o.priceKnown())
                .min(Comparator.comparing(o -> o.apiModelId().equals(modelId) ? 0 : 1));
        if (own.isPresent()) {
            return own.get();
        }
        // a free tier is an offering, not the model's price, while anyone sells it for money
        List<Offering> paid = all.stream().filter(o -> !outliers.contains(o) && input(o).map(v -> v.signum() > 0).orElse(false)).toList();
        List<Offering> offerings = paid.isEmpty() ? all.stream().filter(o -> !outliers.contains(o)).toList() : paid;
        Map<BigDecimal, List<Offering>> byInput = new TreeMap<>();
        for (Offering o : offerings) {
            if (o.priceKnown()) {
                o.prices().value().rate(PriceKind.INPUT)
                        .ifPresent(r -> byInput.computeIfAbsent(r.usdPerMillion(), k -> new ArrayList<>()).add(o));
            }
        }
        // agreement is counted in providers, not listings: one cloud's listings in five regions are one voice
        Optional<Offering> consensus = byInput.values().stream()
                .max(Comparator.comparingLong(list -> list.stream().map(Offering::provider).distinct().count()))
                .map(list -> list.get(0));
        return consensus.orElseGet(() -> offerings.stream().filter(Offering::priceKnown).findFirst().orElse(null));
    }

    @Override
    public Offering get(int index) {
        return list.get(index);
    }

    @Override
    public int size() {
        return list.size();
    }
}
