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
    private final List<Offering> list;
    private final Offering primary;

    private Offerings(List<Offering> list, Offering primary) {
        this.list = list;
        this.primary = primary;
    }

    static Offerings of(List<Offering> offerings, String modelId, String creatorId) {
        List<Offering> list = List.copyOf(offerings);
        return new Offerings(list, choosePrimary(list, modelId, creatorId));
    }

    Optional<Offering> primary() {
        return Optional.ofNullable(primary);
    }

    /** See {@link Model#primaryOffering()}. */
    private static Offering choosePrimary(List<Offering> offerings, String modelId, String creatorId) {
        Optional<Offering> own = offerings.stream()
                .filter(o -> o.provider().equals(creatorId) && o.priceKnown())
                .min(Comparator.comparing(o -> o.apiModelId().equals(modelId) ? 0 : 1));
        if (own.isPresent()) {
            return own.get();
        }
        Map<BigDecimal, List<Offering>> byInput = new TreeMap<>();
        for (Offering o : offerings) {
            if (o.priceKnown()) {
                o.prices().value().rate(PriceKind.INPUT)
                        .ifPresent(r -> byInput.computeIfAbsent(r.usdPerMillion(), k -> new ArrayList<>()).add(o));
            }
        }
        Optional<Offering> consensus = byInput.values().stream()
                .max(Comparator.comparingInt(List::size))
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
