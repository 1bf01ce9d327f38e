package io.modelatlas.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A benchmark id the catalog does not have; carries the closest ids so the answer can offer them. */
public final class UnknownBenchmarkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Ids longer than any real one are not searched for suggestions. */
    private static final int MAX_ID_LENGTH = 120;
    private static final int MAX_DISTANCE = 6;
    private final transient List<String> suggestions;

    public UnknownBenchmarkException(String id, Leaderboards all) {
        super("no benchmark has the id '" + (id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) + "..." : id)
                + "'; the ids are listed at /api/v1/benchmarks", null, false, false);
        this.suggestions = id.length() > MAX_ID_LENGTH ? List.of() : suggest(Leaderboard.idOf(id), all);
    }

    /** Ids that contain the query ("mmlu" in "simple-evals-mmlu"), then those a few edits away, closest first. */
    private static List<String> suggest(String query, Leaderboards all) {
        List<Near> near = new ArrayList<>();
        for (Leaderboard b : all.benchmarks()) {
            int distance = !query.isEmpty() && b.id().contains(query) ? 0 : EditDistance.within(query, b.id(), MAX_DISTANCE);
            if (distance <= MAX_DISTANCE) {
                near.add(new Near(b.id(), distance));
            }
        }
        return near.stream().sorted(Comparator.comparingInt(Near::distance).thenComparing(Near::id)).limit(5).map(Near::id).toList();
    }

    private record Near(String id, int distance) {}

    public List<String> suggestions() {
        return suggestions;
    }
}
