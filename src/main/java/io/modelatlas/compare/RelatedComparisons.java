package io.modelatlas.compare;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelSummary;
import io.modelatlas.compare.Comparison.Related;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Comparisons worth reading next: each model against its successor, its family, and its price peers. Worked out from
 * the catalog's {@link ModelSummary summaries}, so that comparing two models of a snapshot reads those two alone.
 */
final class RelatedComparisons {
    private static final int LIMIT = 8;
    private static final BigDecimal PEER_BAND = BigDecimal.valueOf(2);

    private final Catalog catalog;
    /** Models with a release date by creator, family and type, newest first: built once, read per comparison. */
    private final Map<String, List<ModelSummary>> families = new HashMap<>();
    /** Current models sold by their creator with a known input price, newest first: the pool of price peers. */
    private final List<ModelSummary> peers;
    /**
     * Each model's price peers, found on first use: a scan of the pool, and an export compares each model about
     * twice. Concurrent, as pages render on several threads.
     */
    private final Map<String, List<ModelSummary>> pricePeers = new ConcurrentHashMap<>();

    RelatedComparisons(Catalog catalog) {
        this.catalog = catalog;
        Comparator<ModelSummary> newestFirst = Comparator.comparing(ModelSummary::releaseDate).reversed().thenComparing(ModelSummary::id);
        for (ModelSummary m : catalog.summaries()) {
            if (m.family() != null && m.releaseDate() != null) {
                families.computeIfAbsent(familyKey(m), k -> new ArrayList<>()).add(m);
            }
        }
        families.values().forEach(list -> list.sort(newestFirst));
        peers = catalog.summaries().stream()
                .filter(o -> !o.superseded() && o.releaseDate() != null && o.soldByCreator() && o.inputPerMillion() != null)
                .sorted(newestFirst)
                .toList();
    }

    /** The models of m's creator, family and type that have a release date (m too), newest first; empty without a family. */
    List<Model> family(Model m) {
        return m.family() == null ? List.of() : families.getOrDefault(familyKey(ModelSummary.of(m)), List.of()).stream()
                .map(s -> catalog.byId(s.id()).orElseThrow())
                .toList();
    }

    private static String familyKey(ModelSummary m) {
        return m.creatorId() + "|" + m.family() + "|" + m.type();
    }

    List<Related> of(List<Model> models) {
        List<ModelSummary> compared = models.stream().map(ModelSummary::of).toList();
        Set<String> inComparison = new HashSet<>(models.stream().map(Model::id).toList());
        Set<String> seen = new HashSet<>();
        List<Related> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ModelSummary m = compared.get(i);
            if (m.superseded()) {
                catalog.summary(models.get(i).status().value().successorId()).ifPresent(s -> add(out, seen, inComparison, m, s, "successor"));
            }
        }
        for (ModelSummary m : compared) {
            if (m.family() != null) {
                families.getOrDefault(familyKey(m), List.of()).stream()
                        .limit(3)
                        .forEach(o -> add(out, seen, inComparison, m, o, "same family"));
            }
        }
        for (ModelSummary m : compared) {
            pricePeers.computeIfAbsent(m.id(), id -> pricePeers(m)).forEach(o -> add(out, seen, inComparison, m, o, "similar price, other provider"));
        }
        return out.stream().limit(LIMIT).toList();
    }

    /** The two newest models of another creator, of m's type, within a factor of two of m's input price. */
    private List<ModelSummary> pricePeers(ModelSummary m) {
        BigDecimal rate = m.inputPerMillion();
        if (rate == null || rate.signum() == 0) {
            return List.of();
        }
        BigDecimal low = rate.divide(PEER_BAND);
        BigDecimal high = rate.multiply(PEER_BAND);
        return peers.stream()
                .filter(p -> !p.creatorId().equals(m.creatorId()) && p.type() == m.type())
                .filter(p -> p.inputPerMillion().compareTo(low) >= 0 && p.inputPerMillion().compareTo(high) <= 0)
                .limit(2)
                .toList();
    }

    private static void add(List<Related> out, Set<String> seen, Set<String> inComparison, ModelSummary a, ModelSummary b, String reason) {
        if (a.id().equals(b.id()) || (inComparison.contains(a.id()) && inComparison.contains(b.id()) && inComparison.size() == 2)) {
            return;
        }
        List<String> ids = ComparisonPaths.canonicalOrder(List.of(a.id(), b.id()));
        if (seen.add(String.join(",", ids))) {
            out.add(new Related(ids, a.displayName() + " vs " + b.displayName(), reason));
        }
    }
}
