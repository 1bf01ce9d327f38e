package io.modelatlas.refresh;

import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A catalog model's leaderboard score that a refresh added, changed or removed ({@code before} or {@code after} null
 * when there was or is none). Reported with the refresh; unlike price, limit and status changes it is not kept in the
 * changes feed, whose fields are the catalog's history.
 */
public record ScoreChange(String modelId, String benchmarkId, String variant, String before, String after) {
    public ScoreChange {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        variant = variant == null ? "" : variant;
    }

    /** The scores of catalog models that differ between two catalogs' leaderboards, by model, then benchmark. */
    static List<ScoreChange> between(Leaderboards before, Leaderboards after) {
        Map<List<String>, LeaderboardScore> was = byKey(before);
        Map<List<String>, LeaderboardScore> now = byKey(after);
        TreeSet<List<String>> keys = new TreeSet<>(Comparator.comparing((List<String> k) -> String.join("\u0000", k)));
        keys.addAll(was.keySet());
        keys.addAll(now.keySet());
        List<ScoreChange> out = new ArrayList<>();
        for (List<String> k : keys) {
            LeaderboardScore a = was.get(k);
            LeaderboardScore b = now.get(k);
            if (a != null && b != null && a.score().compareTo(b.score()) == 0) {
                continue;
            }
            out.add(new ScoreChange(k.get(0), k.get(1), k.get(3), a == null ? null : a.scoreText(), b == null ? null : b.scoreText()));
        }
        return out;
    }

    /** A score by model, benchmark, snapshot, variant and the name it was published under: one row of a leaderboard. */
    private static Map<List<String>, LeaderboardScore> byKey(Leaderboards boards) {
        Map<List<String>, LeaderboardScore> out = new TreeMap<>(Comparator.comparing((List<String> k) -> String.join("\u0000", k)));
        for (LeaderboardScore s : boards.scores()) {
            out.putIfAbsent(List.of(s.modelId(), s.benchmarkId(), Objects.toString(s.snapshot(), ""), Objects.toString(s.variant(), ""),
                    Objects.toString(s.publishedName(), "")), s);
        }
        return out;
    }
}
