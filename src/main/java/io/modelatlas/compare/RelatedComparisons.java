package io.modelatlas.compare;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.compare.Comparison.Related;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Comparisons worth reading next: each model against its successor, its family, and its price peers. */
final class RelatedComparisons {
    private static final int LIMIT = 8;
    private static final BigDecimal PEER_BAND = BigDecimal.valueOf(2);

    private final Catalog catalog;

    RelatedComparisons(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Related> of(List<Model> models) {
        Set<String> inComparison = new HashSet<>(models.stream().map(Model::id).toList());
        Set<String> seen = new HashSet<>();
        List<Related> out = new ArrayList<>();
        for (Model m : models) {
            if (m.isSuperseded()) {
                catalog.byId(m.status().value().successorId()).ifPresent(s -> add(out, seen, inComparison, m, s, "successor"));
            }
        }
        for (Model m : models) {
            catalog.models().stream()
                    .filter(o -> o.creatorId().equals(m.creatorId()) && o.family() != null && o.family().equals(m.family()) && o.type() == m.type())
                    .filter(o -> o.releaseDate() != null)
                    .sorted(Comparator.comparing((Model o) -> o.releaseDate().value()).reversed())
                    .limit(3)
                    .forEach(o -> add(out, seen, inComparison, m, o, "same family"));
        }
        for (Model m : models) {
            Optional<TokenRate> rate = m.prices().flatMap(s -> s.rate(PriceKind.INPUT));
            if (rate.isEmpty() || rate.get().isFree()) {
                continue;
            }
            BigDecimal low = rate.get().usdPerMillion().divide(PEER_BAND);
            BigDecimal high = rate.get().usdPerMillion().multiply(PEER_BAND);
            catalog.models().stream()
                    .filter(o -> !o.creatorId().equals(m.creatorId()) && o.type() == m.type() && !o.isSuperseded())
                    .filter(o -> o.primaryOffering().map(off -> off.provider().equals(o.creatorId())).orElse(false))
                    .filter(o -> o.prices().flatMap(s -> s.rate(PriceKind.INPUT))
                            .map(r -> r.usdPerMillion().compareTo(low) >= 0 && r.usdPerMillion().compareTo(high) <= 0).orElse(false))
                    .filter(o -> o.releaseDate() != null)
                    .sorted(Comparator.comparing((Model o) -> o.releaseDate().value()).reversed().thenComparing(Model::id))
                    .limit(2)
                    .forEach(o -> add(out, seen, inComparison, m, o, "similar price, other provider"));
        }
        return out.stream().limit(LIMIT).toList();
    }

    private static void add(List<Related> out, Set<String> seen, Set<String> inComparison, Model a, Model b, String reason) {
        if (a.id().equals(b.id()) || (inComparison.contains(a.id()) && inComparison.contains(b.id()) && inComparison.size() == 2)) {
            return;
        }
        List<String> ids = ComparisonPaths.canonicalOrder(List.of(a.id(), b.id()));
        if (seen.add(String.join(",", ids))) {
            out.add(new Related(ids, a.displayName() + " vs " + b.displayName(), reason));
        }
    }
}
