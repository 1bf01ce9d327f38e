package io.modelatlas.compare;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.compare.Comparison.Related;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Comparisons worth reading next: each model against its successor, its family, and its price peers. */
final class RelatedComparisons {
    private static final int LIMIT = 8;
    private static final BigDecimal PEER_BAND = BigDecimal.valueOf(2);

    private final Catalog catalog;
    /** Models with a release date by creator, family and type, newest first: built once, read per comparison. */
    private final Map<String, List<Model>> families = new HashMap<>();
    /** Current models sold by their creator with a known input price, newest first: the pool of price peers. */
    private final List<Peer> peers;
    /**
     * Each model's price peers, found on first use: a scan of the pool, and an export compares each model about
     * twice. Concurrent, as pages render on several threads.
     */
    private final Map<String, List<Model>> pricePeers = new ConcurrentHashMap<>();

    /** A peer with its input price, read once from its primary offering's price sheet. */
    private record Peer(Model model, BigDecimal inputPerMillion) {}

    RelatedComparisons(Catalog catalog) {
        this.catalog = catalog;
        Comparator<Model> newestFirst = Comparator.comparing((Model o) -> o.releaseDate().value()).reversed().thenComparing(Model::id);
        for (Model m : catalog.models()) {
            if (m.family() != null && m.releaseDate() != null) {
                families.computeIfAbsent(familyKey(m), k -> new ArrayList<>()).add(m);
            }
        }
        families.values().forEach(list -> list.sort(newestFirst));
        peers = catalog.models().stream()
                .filter(o -> !o.isSuperseded() && o.releaseDate() != null)
                .filter(o -> o.primaryOffering().map(off -> off.provider().equals(o.creatorId())).orElse(false))
                .sorted(newestFirst)
                .flatMap(o -> o.prices().flatMap(s -> s.rate(PriceKind.INPUT)).map(r -> new Peer(o, r.usdPerMillion())).stream())
                .toList();
    }

    /** The models of m's creator, family and type that have a release date (m too), newest first; empty without a family. */
    List<Model> family(Model m) {
        return m.family() == null ? List.of() : families.getOrDefault(familyKey(m), List.of());
    }

    private static String familyKey(Model m) {
        return m.creatorId() + "|" + m.family() + "|" + m.type();
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
            if (m.family() != null) {
                families.getOrDefault(familyKey(m), List.of()).stream()
                        .limit(3)
                        .forEach(o -> add(out, seen, inComparison, m, o, "same family"));
            }
        }
        for (Model m : models) {
            pricePeers.computeIfAbsent(m.id(), id -> pricePeers(m)).forEach(o -> add(out, seen, inComparison, m, o, "similar price, other provider"));
        }
        return out.stream().limit(LIMIT).toList();
    }

    /** The two newest models of another creator, of m's type, within a factor of two of m's input price. */
    private List<Model> pricePeers(Model m) {
        Optional<TokenRate> rate = m.prices().flatMap(s -> s.rate(PriceKind.INPUT));
        if (rate.isEmpty() || rate.get().isFree()) {
            return List.of();
        }
        BigDecimal low = rate.get().usdPerMillion().divide(PEER_BAND);
        BigDecimal high = rate.get().usdPerMillion().multiply(PEER_BAND);
        return peers.stream()
                .filter(p -> !p.model().creatorId().equals(m.creatorId()) && p.model().type() == m.type())
                .filter(p -> p.inputPerMillion().compareTo(low) >= 0 && p.inputPerMillion().compareTo(high) <= 0)
                .map(Peer::model)
                .limit(2)
                .toList();
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
