package io.modelatlas.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every benchmark the catalog knows and every model's published scores on them, indexed both ways. Immutable.
 */
public final class Leaderboards {
    public static final Leaderboards EMPTY = new Leaderboards(List.of(), List.of());

    private final List<Leaderboard> benchmarks;
    private final Map<String, Leaderboard> byId = new LinkedHashMap<>();
    private final Map<String, List<LeaderboardScore>> byBenchmark = new LinkedHashMap<>();
    private final Map<String, List<LeaderboardScore>> byModel = new LinkedHashMap<>();

    /** One benchmark and variant on which every model of a comparison has a score, in the models' order. */
    public record Matchup(Leaderboard benchmark, String variant, List<LeaderboardScore> scores) {
        public Matchup {
            scores = List.copyOf(scores);
        }
    }

    /**
     * @throws IllegalArgumentException when two benchmarks share an id or a score names no benchmark
     */
    public Leaderboards(List<Leaderboard> benchmarks, List<LeaderboardScore> scores) {
        this.benchmarks = List.copyOf(benchmarks);
        for (Leaderboard b : this.benchmarks) {
            if (byId.putIfAbsent(b.id(), b) != null) {
                throw new IllegalArgumentException("two benchmarks have the id " + b.id());
            }
            byBenchmark.put(b.id(), new ArrayList<>());
        }
        for (LeaderboardScore s : scores) {
            List<LeaderboardScore> of = byBenchmark.get(s.benchmarkId());
            if (of == null) {
                throw new IllegalArgumentException("a score of " + s.publishedName() + " names no benchmark: " + s.benchmarkId());
            }
            of.add(s);
            byModel.computeIfAbsent(s.modelId(), k -> new ArrayList<>()).add(s);
        }
        byBenchmark.replaceAll((id, list) -> List.copyOf(list));
        byModel.replaceAll((id, list) -> List.copyOf(list));
    }

    public List<Leaderboard> benchmarks() {
        return benchmarks;
    }

    public Optional<Leaderboard> benchmark(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The benchmark's scores, in the publisher's order. */
    public List<LeaderboardScore> scores(String benchmarkId) {
        return byBenchmark.getOrDefault(benchmarkId, List.of());
    }

    /** The model's scores on every benchmark, benchmark by benchmark. */
    public List<LeaderboardScore> scoresOf(String modelId) {
        return byModel.getOrDefault(modelId, List.of());
    }

    public int modelsScored(String benchmarkId) {
        Set<String> models = new HashSet<>();
        scores(benchmarkId).forEach(s -> models.add(s.modelId()));
        return models.size();
    }

    /** How many catalog models have at least one score. */
    public int modelsWithScores() {
        return byModel.size();
    }

    /**
     * The model's best score on the benchmark over its variants (a leaderboard ranks each configuration on its own
     * row; a listing sorted by it shows which configuration it is); empty when unscored or the figure is descriptive.
     */
    public Optional<LeaderboardScore> best(String modelId, String benchmarkId) {
        Leaderboard b = byId.get(benchmarkId);
        if (b == null || b.higherIsBetter() == null) {
            return Optional.empty();
        }
        Comparator<LeaderboardScore> byScore = Comparator.comparing(LeaderboardScore::score);
        return scoresOf(modelId).stream().filter(s -> s.benchmarkId().equals(benchmarkId))
                .max(b.higherIsBetter() ? byScore : byScore.reversed());
    }

    /**
     * Every benchmark and variant on which all the models have a score, one score per model: of several snapshots,
     * the model's own undated one, else the newest. Benchmarks in catalog order, variants in first-seen order.
     */
    public List<Matchup> shared(List<String> modelIds) {
        List<Map<String, LeaderboardScore>> perModel = new ArrayList<>();
        for (String id : modelIds) {
            Map<String, LeaderboardScore> chosen = new LinkedHashMap<>();
            for (LeaderboardScore s : scoresOf(id)) {
                chosen.merge(s.benchmarkId() + "\u0000" + s.variant(), s, Leaderboards::preferred);
            }
            perModel.add(chosen);
        }
        List<Matchup> out = new ArrayList<>();
        if (perModel.isEmpty()) {
            return out;
        }
        Map<String, List<String>> keysByBenchmark = new LinkedHashMap<>();
        for (String key : perModel.get(0).keySet()) {
            if (perModel.stream().allMatch(m -> m.containsKey(key))) {
                keysByBenchmark.computeIfAbsent(key.substring(0, key.indexOf('\u0000')), k -> new ArrayList<>()).add(key);
            }
        }
        for (Leaderboard b : benchmarks) {
            for (String key : keysByBenchmark.getOrDefault(b.id(), List.of())) {
                out.add(new Matchup(b, key.substring(key.indexOf('\u0000') + 1), perModel.stream().map(m -> m.get(key)).toList()));
            }
        }
        return out;
    }

    private static LeaderboardScore preferred(LeaderboardScore a, LeaderboardScore b) {
        if ((a.snapshot() == null) != (b.snapshot() == null)) {
            return a.snapshot() == null ? a : b;
        }
        int byDate = a.source().asOf().compareTo(b.source().asOf());
        if (byDate != 0) {
            return byDate > 0 ? a : b;
        }
        return a.snapshot() != null && a.snapshot().compareTo(b.snapshot()) < 0 ? b : a;
    }
}
