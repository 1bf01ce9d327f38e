package io.modelatlas.refresh;

import io.modelatlas.catalog.source.CatalogLoader.LeaderboardCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares a fetched leaderboard table with the one the catalog reads now. A leaderboard adds runs and re-rates models
 * every week; an export cut off half-way (a truncated file, a renamed column the reader skips) loses many scores at
 * once, and is refused until an operator accepts it. Scores are compared as numbers: "48.0" and "48" are one score.
 */
final class LeaderboardGuard {
    /** More than this share of the leaderboard's scores missing is a cut-off table (as for a price source's models). */
    static final int MAX_LOST_PERCENT = RefreshGuard.MAX_LOST_PERCENT;
    private static final int EXAMPLES = 3;

    private LeaderboardGuard() {}

    /** How many scores a fetched table adds, removes and changes against the current one. */
    record ScoreChanges(int added, int removed, int changed) {
        boolean none() {
            return added == 0 && removed == 0 && changed == 0;
        }

        String describe() {
            return String.format("%,d added, %,d removed, %,d changed", added, removed, changed);
        }
    }

    static ScoreChanges between(LeaderboardCheck current, LeaderboardCheck fetched) {
        Map<String, String> was = current.scores();
        Map<String, String> now = fetched.scores();
        int added = (int) now.keySet().stream().filter(k -> !was.containsKey(k)).count();
        int removed = (int) was.keySet().stream().filter(k -> !now.containsKey(k)).count();
        int changed = (int) was.entrySet().stream()
                .filter(e -> now.containsKey(e.getKey()) && new BigDecimal(e.getValue()).compareTo(new BigDecimal(now.get(e.getKey()))) != 0)
                .count();
        return new ScoreChanges(added, removed, changed);
    }

    /** Why {@code fetched} may not replace {@code current}, or empty when it may. */
    static Optional<String> problem(LeaderboardCheck current, LeaderboardCheck fetched) {
        TreeSet<String> lost = new TreeSet<>(current.scores().keySet());
        lost.removeAll(fetched.scores().keySet());
        int had = current.scores().size();
        if (had > 0 && lost.size() * 100L > (long) had * MAX_LOST_PERCENT) {
            return Optional.of(String.format("it loses %,d of the %,d scores the catalog has from it (more than %d%%), e.g. %s",
                    lost.size(), had, MAX_LOST_PERCENT, examples(new ArrayList<>(lost))));
        }
        return Optional.empty();
    }

    /** A few lost scores by name, benchmark and metric; the run settings after them are too long to read in a line. */
    private static String examples(List<String> keys) {
        List<String> shown = keys.subList(0, Math.min(EXAMPLES, keys.size())).stream().map(LeaderboardGuard::withoutSettings).toList();
        String text = String.join("; ", shown);
        return keys.size() > EXAMPLES ? text + " and " + (keys.size() - EXAMPLES) + " more" : text;
    }

    private static String withoutSettings(String key) {
        int last = key.lastIndexOf(" | ");
        return last < 0 ? key : key.substring(0, last);
    }
}
