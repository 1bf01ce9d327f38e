package io.modelatlas.refresh;

import io.modelatlas.catalog.source.CatalogLoader.SourceCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides whether a fetched file that parses may replace the one the catalog reads now. A real upstream loses a few
 * models and moves a few prices in a week; a broken export (a cut-off list, prices in the wrong unit) loses many or
 * moves many by an order of magnitude at once, and is refused until an operator accepts it.
 */
final class RefreshGuard {
    /** More than this share of the source's models missing is a cut-off file. */
    static final int MAX_LOST_PERCENT = 10;
    /** A price that moves by this factor or more, either way, is a wild change. */
    static final BigDecimal WILD_FACTOR = BigDecimal.TEN;
    /** Wild changes on this many offerings, or on this share of those priced in both files, refuse the file. */
    static final int WILD_COUNT = 20;
    static final int WILD_PERCENT = 5;
    private static final int EXAMPLES = 3;

    private RefreshGuard() {}

    /** Why {@code fetched} may not replace {@code current}, or empty when it may. */
    static Optional<String> problem(SourceCheck current, SourceCheck fetched) {
        Map<String, Map<String, BigDecimal>> was = current.basePrices();
        Map<String, Map<String, BigDecimal>> now = fetched.basePrices();
        TreeSet<String> lost = new TreeSet<>(was.keySet());
        lost.removeAll(now.keySet());
        if (!was.isEmpty() && lost.size() * 100L > (long) was.size() * MAX_LOST_PERCENT) {
            return Optional.of(String.format("it loses %,d of the %,d models the catalog has from it (more than %d%%), e.g. %s",
                    lost.size(), was.size(), MAX_LOST_PERCENT, examples(new ArrayList<>(lost))));
        }
        // a file whose entries lost their prices (an unresolved export, a renamed key) empties the source as surely
        List<String> unpriced = was.keySet().stream().filter(k -> !was.get(k).isEmpty() && now.containsKey(k) && now.get(k).isEmpty())
                .sorted().toList();
        long priced = was.values().stream().filter(p -> !p.isEmpty()).count();
        if (priced > 0 && unpriced.size() * 100L > priced * MAX_LOST_PERCENT) {
            return Optional.of(String.format("it drops the prices of %,d of the %,d models it priced (more than %d%%), e.g. %s",
                    unpriced.size(), priced, MAX_LOST_PERCENT, examples(unpriced)));
        }
        int shared = 0;
        List<String> wild = new ArrayList<>();
        for (String offering : new TreeSet<>(was.keySet())) {
            Map<String, BigDecimal> before = was.get(offering);
            Map<String, BigDecimal> after = now.get(offering);
            if (after == null) {
                continue;
            }
            boolean both = false;
            String change = null;
            for (Map.Entry<String, BigDecimal> e : before.entrySet()) {
                BigDecimal old = e.getValue();
                BigDecimal neu = after.get(e.getKey());
                if (neu == null || old.signum() == 0 || neu.signum() == 0) {
                    continue; // a price that appears, goes or is free is not a scale error
                }
                both = true;
                if (change == null && isWild(old, neu)) {
                    change = offering + " " + e.getKey() + " " + old.toPlainString() + " -> " + neu.toPlainString();
                }
            }
            if (both) {
                shared++;
            }
            if (change != null) {
                wild.add(change);
            }
        }
        if (!wild.isEmpty() && (wild.size() >= WILD_COUNT || wild.size() * 100L >= (long) shared * WILD_PERCENT)) {
            return Optional.of(String.format("it changes the prices of %,d of the %,d models priced in both files by %sx or more "
                    + "(the limit is %d models or %d%%), e.g. %s (USD per 1M tokens)", wild.size(), shared, WILD_FACTOR, WILD_COUNT, WILD_PERCENT,
                    examples(wild)));
        }
        return Optional.empty();
    }

    private static boolean isWild(BigDecimal old, BigDecimal neu) {
        BigDecimal high = old.max(neu);
        BigDecimal low = old.min(neu);
        return high.compareTo(low.multiply(WILD_FACTOR)) >= 0;
    }

    private static String examples(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(EXAMPLES, items.size())));
        return items.size() > EXAMPLES ? shown + " and " + (items.size() - EXAMPLES) + " more" : shown;
    }
}
