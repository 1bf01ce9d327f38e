package io.modelatlas.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
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
    private final List<LeaderboardScore> scores;
    private final Map<String, Leaderboard> byId = new LinkedHashMap<>();
    private final Map<String, List<LeaderboardScore>> byBenchmark = new LinkedHashMap<>();
    private final Map<String, List<LeaderboardScore>> byModel = new LinkedHashMap<>();
    /** Each score's place in {@link #scores}, so that {@link #only} keeps their order without a pass over them all. */
    private final Map<LeaderboardScore, Integer> position = new IdentityHashMap<>();

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
        this.scores = List.copyOf(scores);
        for (Leaderboard b : this.benchmarks) {
            if (byId.putIfAbsent(b.id(), b) != null) {
                throw new IllegalArgumentException("two benchmarks have the id " + b.id());
            }
            byBenchmark.put(b.id(), new ArrayList<>());
        }
        for (LeaderboardScore s : this.scores) {
            List<LeaderboardScore> of = byBenchmark.get(s.benchmarkId());
            if (of == null) {
                throw new IllegalArgumentException("a score of " + s.publishedName() + " names no benchmark: " + s.benchmarkId());
            }
            of.add(s);
            byModel.computeIfAbsent(s.modelId(), k -> new ArrayList<>()).add(s);
            position.putIfAbsent(s, position.size());
        }
        byBenchmark.replaceAll((id, list) -> List.copyOf(list));
        byModel.replaceAll((id, list) -> List.copyOf(list));
    }

    /** Only the scores the sources carry on the models (a catalog without the bundled leaderboards). */
    public static Leaderboards ofModels(List<Model> models) {
        List<Leaderboard> benchmarks = new ArrayList<>();
        List<LeaderboardScore> scores = new ArrayList<>();
        addScoresOnModels(models, benchmarks, scores);
        return new Leaderboards(benchmarks, scores);
    }

    /**
     * The scores sources carry on the models themselves (simple-evals, Artificial Analysis), each benchmark under
     * an id of its name. Where that id is a leaderboard's own, the leaderboard's full table stands and the copy on the
     * model is not repeated.
     */
    public static void addScoresOnModels(List<Model> models, List<Leaderboard> benchmarks, List<LeaderboardScore> scores) {
        Map<String, Leaderboard> byId = new LinkedHashMap<>();
        benchmarks.forEach(b -> byId.put(b.id(), b));
        Map<String, Leaderboard> added = new LinkedHashMap<>();
        for (Model m : models) {
            for (Benchmark b : m.benchmarks()) {
                String id = Leaderboard.idOf(b.name());
                if (byId.containsKey(id)) {
                    continue;
                }
                Leaderboard board = added.computeIfAbsent(id, k -> new Leaderboard(k, b.name(), publisher(b), b.source().key(), b.metric(),
                        b.kind().unit(), b.kind().higherIsBetter(), false, b.kind()));
                scores.add(new LeaderboardScore(board.id(), m.id(), null, Optional.ofNullable(b.variant()).orElse(""), m.id(), b.score(), null, null,
                        b.source()));
            }
        }
        benchmarks.addAll(added.values());
    }

    /** The publisher of a score restated by another listing ("Artificial Analysis via OpenRouter" is Artificial Analysis's). */
    private static String publisher(Benchmark b) {
        String s = b.source().source();
        int via = s.indexOf(" via ");
        return via > 0 ? s.substring(0, via) : s;
    }

    /**
     * Every benchmark, and the scores of these models only, in the same order: {@link #scoresOf} and {@link #shared}
     * of these models answer as the whole leaderboards do, but figures over a whole leaderboard (its scores, how many
     * models it scores) count only these models. What {@link Catalog#leaderboardsOf} gives when the whole was built.
     */
    public Leaderboards only(Collection<String> modelIds) {
        // from the index by model, not a pass over every score: a site export asks this for each of its comparisons
        List<LeaderboardScore> picked = new ArrayList<>();
        for (String id : new LinkedHashSet<>(modelIds)) {
            picked.addAll(scoresOf(id));
        }
        picked.sort(Comparator.comparingInt(position::get));
        return new Leaderboards(benchmarks, picked);
    }

    public List<Leaderboard> benchmarks() {
        return benchmarks;
    }

    /**
     * Every score in the order they were given: the order each model's scores are listed in (a snapshot keeps it, so
     * that a catalog read back lists them as the merge did).
     */
    public List<LeaderboardScore> scores() {
        return scores;
    }

    public Optional<Leaderboard> benchmark(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The benchmark an id or a name names, in any case and spacing ({@code Epoch AI: GPQA diamond}, {@code epoch-gpqa-diamond}). */
    public Optional<Leaderboard> find(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        Leaderboard exact = byId.get(idOrName);
        if (exact != null) {
            return Optional.of(exact);
        }
        String key = Leaderboard.idOf(idOrName);
        return Optional.ofNullable(byId.get(key)).or(() -> benchmarks.stream()
                .filter(b -> Leaderboard.idOf(b.name()).equals(key) || Leaderboard.idOf(b.title()).equals(key)).findFirst());
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
