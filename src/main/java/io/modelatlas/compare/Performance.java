package io.modelatlas.compare;

import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which performs better: every benchmark on which all the compared models are scored in the same variant, each with
 * who leads. Scores of different benchmarks, variants or metrics are never set against each other and never added
 * up into a grade; LMArena ratings whose 95% intervals overlap are a tie.
 *
 * @param headline the rows a reader looks at first: each benchmark's headline metric, and per LiveBench release a
 *                 count of tasks led (each task compared on its own)
 * @param rows     every shared benchmark and variant
 */
public record Performance(List<Row> headline, List<Row> rows) {
    /** LMArena boards shown first; the other categories are in {@link #rows}. */
    private static final List<String> HEADLINE_ARENA = List.of("lmarena-text-full", "lmarena-text-coding", "lmarena-text-math",
            "lmarena-text-creative-writing", "lmarena-text-if", "lmarena-text-hard-6");
    private static final List<String> SECONDARY = List.of("aider-polyglot-pass-rate-1", "aider-polyglot-percent-cases-well-formed",
            "aider-polyglot-seconds-per-case", "aider-polyglot-total-cost", "vectara-factual-consistency-rate", "vectara-answer-rate",
            "vectara-average-summary-length-words");

    public Performance {
        headline = List.copyOf(headline);
        rows = List.copyOf(rows);
    }

    /**
     * One benchmark and variant: each model's score in the comparison's order, the models that lead (all of them
     * when tied, none for a descriptive figure), and the finding in words.
     */
    public record Row(Leaderboard benchmark, String variant, List<LeaderboardScore> scores, List<String> leaders, boolean tie, String finding) {
        public Row {
            scores = List.copyOf(scores);
            leaders = List.copyOf(leaders);
        }
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    /** "No benchmark scores all of them ..." when there is nothing to compare. */
    public String noneSentence(List<Model> models) {
        return "No public benchmark in our data scores " + (models.size() == 2 ? "both" : "all " + models.size()) + " models on the same test, "
                + "variant and metric, so we cannot say which performs better; run them on your own workload (modelatlas eval).";
    }

    static Performance of(Leaderboards leaderboards, List<Model> models, Function<String, String> nameOf) {
        List<Row> rows = new ArrayList<>();
        for (Leaderboards.Matchup m : leaderboards.shared(models.stream().map(Model::id).toList())) {
            rows.add(row(m, nameOf));
        }
        List<Row> headline = new ArrayList<>();
        Map<String, List<Row>> liveBench = new LinkedHashMap<>();
        for (Row r : rows) {
            String id = r.benchmark().id();
            if (r.benchmark().source().equals("LiveBench")) {
                liveBench.computeIfAbsent(release(r.benchmark()), k -> new ArrayList<>()).add(r);
            } else if (id.startsWith("lmarena-") ? HEADLINE_ARENA.contains(id) : !SECONDARY.contains(id)) {
                headline.add(r);
            }
        }
        liveBench.entrySet().stream().findFirst().ifPresent(e -> headline.add(liveBenchSummary(e.getKey(), e.getValue(), models, nameOf)));
        return new Performance(headline, rows);
    }

    private static Row row(Leaderboards.Matchup m, Function<String, String> nameOf) {
        Leaderboard b = m.benchmark();
        List<LeaderboardScore> s = m.scores();
        String on = b.title() + (m.variant().isEmpty() ? "" : " (" + m.variant() + ")");
        if (b.higherIsBetter() == null) {
            return new Row(b, m.variant(), s, List.of(), false, on + ": " + listed(s, nameOf) + " (descriptive; neither is better).");
        }
        LeaderboardScore best = s.get(0);
        for (LeaderboardScore x : s) {
            if (b.better(x.score(), best.score())) {
                best = x;
            }
        }
        List<String> leaders = new ArrayList<>();
        boolean tie = false;
        for (LeaderboardScore x : s) {
            if (x.score().compareTo(best.score()) == 0) {
                leaders.add(x.modelId());
            } else if (b.bounded() && x.tiesWith(best)) {
                leaders.add(x.modelId());
                tie = true;
            }
        }
        tie |= leaders.size() > 1;
        String finding;
        if (leaders.size() == s.size()) {
            finding = on + ": " + listed(s, nameOf) + (b.bounded() && tie && !equalScores(s)
                    ? ", a tie: the difference is inside the 95% bounds." : ", a tie.");
        } else if (tie) {
            finding = on + ": " + names(leaders, nameOf) + " tie for the lead (inside the 95% bounds): " + listed(s, nameOf) + ".";
        } else {
            finding = on + ": " + nameOf.apply(leaders.get(0)) + " leads: " + listed(s, nameOf)
                    + (b.bounded() ? ", outside the 95% bounds" : unboundedArena(b)) + (b.higherIsBetter() ? "" : " (lower is better)") + ".";
        }
        return new Row(b, m.variant(), s, leaders, tie, finding);
    }

    /** An LMArena board without published bounds: a small gap there may be noise, and the reader should know. */
    private static String unboundedArena(Leaderboard b) {
        return b.source().equals("LMArena") ? " (LMArena publishes no 95% bounds for this board, so a small gap may be noise)" : "";
    }

    /** LiveBench publishes no average we could show; each task is compared on its own and the leads are counted. */
    private static Row liveBenchSummary(String release, List<Row> tasks, List<Model> models, Function<String, String> nameOf) {
        Map<String, Integer> led = new LinkedHashMap<>();
        models.forEach(m -> led.put(m.id(), 0));
        int ties = 0;
        for (Row r : tasks) {
            if (r.leaders().size() == 1) {
                led.merge(r.leaders().get(0), 1, Integer::sum);
            } else {
                ties++;
            }
        }
        List<String> parts = new ArrayList<>();
        led.forEach((id, n) -> parts.add(nameOf.apply(id) + " leads on " + n));
        String finding = "LiveBench " + release + ": of the " + tasks.size() + " tasks " + (models.size() == 2 ? "both" : "all") + " were scored on, "
                + String.join(", ", parts) + (ties == 0 ? "" : ", " + ties + " tied") + " (each task compared on its own; LiveBench's averages are not in its data).";
        Row first = tasks.get(0);
        return new Row(first.benchmark(), first.variant(), List.of(), List.of(), false, finding);
    }

    private static String release(Leaderboard b) {
        return b.name().substring("LiveBench ".length(), "LiveBench ".length() + 10);
    }

    private static boolean equalScores(List<LeaderboardScore> s) {
        BigDecimal first = s.get(0).score();
        return s.stream().allMatch(x -> x.score().compareTo(first) == 0);
    }

    private static String listed(List<LeaderboardScore> s, Function<String, String> nameOf) {
        List<String> parts = new ArrayList<>();
        for (LeaderboardScore x : s) {
            parts.add(nameOf.apply(x.modelId()) + " " + x.scoreText());
        }
        return String.join(" vs ", parts);
    }

    private static String names(List<String> ids, Function<String, String> nameOf) {
        List<String> n = ids.stream().map(nameOf).toList();
        return n.size() == 1 ? n.get(0) : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }
}
