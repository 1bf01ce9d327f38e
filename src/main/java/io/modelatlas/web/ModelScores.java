package io.modelatlas.web;

import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's published leaderboard scores as its page lists them: grouped by publisher in the order of the benchmarks
 * page, LiveBench by release and folded (a release has some twenty tasks), each score exactly as published.
 */
public final class ModelScores {
    private ModelScores() {}

    /** One publisher's scores of the model (one LiveBench release), folded when {@code collapsed}. */
    public record Group(String heading, boolean collapsed, List<Score> scores) {
        public Group {
            scores = List.copyOf(scores);
        }
    }

    /** One score: the benchmark it is on (linked), how it was run, the figure as published, its bounds and source. */
    public record Score(String benchmarkId, String benchmark, String variant, String snapshot, String score, String bounds, String asOf, String source) {}

    static List<Group> of(String modelId, Leaderboards all) {
        Map<String, Integer> catalogOrder = new HashMap<>();
        all.benchmarks().forEach(b -> catalogOrder.put(b.id(), catalogOrder.size()));
        List<LeaderboardScore> scores = new ArrayList<>(all.scoresOf(modelId));
        scores.sort(Comparator.comparingInt((LeaderboardScore s) -> BenchmarkSources.rank(all.benchmark(s.benchmarkId()).orElseThrow()))
                .thenComparingInt(s -> catalogOrder.get(s.benchmarkId())));
        Map<String, List<Score>> byHeading = new LinkedHashMap<>();
        Map<String, Boolean> collapsed = new LinkedHashMap<>();
        for (LeaderboardScore s : scores) {
            Leaderboard b = all.benchmark(s.benchmarkId()).orElseThrow();
            boolean liveBench = b.source().equals("LiveBench");
            String heading = liveBench ? "LiveBench " + BenchmarkSources.liveBenchRelease(b) : b.source();
            collapsed.putIfAbsent(heading, liveBench);
            byHeading.computeIfAbsent(heading, k -> new ArrayList<>()).add(new Score(b.id(), b.title(), s.variant().isEmpty() ? "default" : s.variant(),
                    s.snapshot() == null ? "—" : s.snapshot(), s.scoreText(), BenchmarkPage.bounds(s), String.valueOf(s.source().asOf()),
                    s.source().source() + " " + s.source().key()));
        }
        List<Group> groups = new ArrayList<>();
        byHeading.forEach((heading, list) -> groups.add(new Group(heading, collapsed.get(heading), list)));
        return groups;
    }
}
