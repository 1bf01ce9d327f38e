package io.modelatlas.catalog.source;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the catalog's {@link Leaderboards}: the five bundled leaderboards, each row placed on a catalog model by
 * {@link LeaderboardMapping} (unmapped rows are left out, and listed in the mapping report), and the scores the
 * sources carry on the models themselves (simple-evals, Artificial Analysis).
 *
 * <p>A mapped variant is taken apart: a snapshot date says which model was scored, LMArena's style control which
 * board (they are two benchmarks, never mixed), and what remains (effort, thinking budget, edit format) is the
 * variant scores compare within. LMArena's 95% bounds, published as rows of their own, join their rating.
 */
final class LeaderboardImport {
    private static final Map<String, String> PUBLISHERS = Map.of("lmarena-text", "LMArena", "livebench", "LiveBench", "aider-polyglot", "Aider",
            "epoch-benchmarks", "Epoch AI", "vectara-hallucination", "Vectara");
    private static final String SNAPSHOT = "snapshot ";
    private static final String NO_STYLE_CONTROL = "no style control";
    private static final String STYLE_CONTROL = "style control";

    private LeaderboardImport() {}

    static Leaderboards bundled(Catalog catalog) {
        return of(catalog, LeaderboardTable.readBundled(), LeaderboardMapping.bundled(catalog));
    }

    /** A mapped row taken apart. */
    private record Placed(LeaderboardTable.Score row, String modelId, String snapshot, String style, String variant, String baseMetric) {
        String boundsKey() {
            return row.benchmark() + "\u0000" + row.publishedName() + "\u0000" + style;
        }
    }

    static Leaderboards of(Catalog catalog, List<LeaderboardTable.Score> rows, LeaderboardMapping mapping) {
        List<Placed> placed = new ArrayList<>();
        for (LeaderboardTable.Score row : rows) {
            mapping.map(row).ifPresent(m -> placed.add(place(row, m)));
        }
        Map<String, BigDecimal[]> bounds = new HashMap<>();
        for (Placed p : placed) {
            if (p.baseMetric().startsWith("rating_lower_95ci") || p.baseMetric().startsWith("rating_upper_95ci")) {
                bounds.computeIfAbsent(p.boundsKey(), k -> new BigDecimal[2])[p.baseMetric().contains("lower") ? 0 : 1] = p.row().score();
            }
        }
        Map<String, Leaderboard> benchmarks = new LinkedHashMap<>();
        List<LeaderboardScore> scores = new ArrayList<>();
        for (Placed p : placed) {
            if (p.baseMetric().contains("_95ci") || notRecorded(p.row())) {
                continue;
            }
            Leaderboard b = benchmarks.computeIfAbsent(benchmarkId(p), id -> leaderboard(id, p, bounds.containsKey(p.boundsKey())));
            BigDecimal[] ci = bounds.getOrDefault(p.boundsKey(), new BigDecimal[2]);
            LeaderboardTable.Score r = p.row();
            scores.add(new LeaderboardScore(b.id(), p.modelId(), p.snapshot(), p.variant(), r.publishedName(), r.score(), ci[0], ci[1],
                    new Provenance(b.source(), r.repo() + "@" + r.commit() + ":" + r.path() + " line " + r.line(), r.asOf())));
        }
        List<Leaderboard> ordered = new ArrayList<>(benchmarks.values());
        ordered.sort(Comparator.comparingInt((Leaderboard b) -> LeaderboardTable.SOURCES.indexOf(sourceOf(b)))
                .thenComparing(LeaderboardImport::newestReleaseFirst));
        addScoresOnModels(catalog, ordered, scores);
        return new Leaderboards(ordered, scores);
    }

    /** Aider's {@code total_cost} of 0 means the run did not record its cost (SOURCE.md), not that it was free. */
    private static boolean notRecorded(LeaderboardTable.Score row) {
        return row.source().equals("aider-polyglot") && row.metric().equals("total_cost") && row.score().signum() == 0;
    }

    private static Placed place(LeaderboardTable.Score row, LeaderboardMapping.Mapped m) {
        String snapshot = null;
        String style = "";
        List<String> settings = new ArrayList<>();
        for (String part : m.variant().split("; ")) {
            if (part.startsWith(SNAPSHOT)) {
                snapshot = part.substring(SNAPSHOT.length());
            } else if (part.equals(STYLE_CONTROL) || part.equals(NO_STYLE_CONTROL)) {
                style = part;
            } else if (!part.isEmpty()) {
                settings.add(part);
            }
        }
        String metric = row.metric();
        int paren = metric.indexOf(" (");
        String base = row.source().equals("lmarena-text") && paren > 0 ? metric.substring(0, paren) : metric;
        return new Placed(row, m.modelId(), snapshot, style, String.join("; ", settings), base);
    }

    private static String benchmarkId(Placed p) {
        LeaderboardTable.Score r = p.row();
        return switch (r.source()) {
            case "lmarena-text" -> Leaderboard.idOf("lmarena text " + r.category() + (p.style().equals(NO_STYLE_CONTROL) ? " no style control" : ""));
            case "livebench" -> Leaderboard.idOf(r.benchmark());
            case "epoch-benchmarks" -> Leaderboard.idOf("epoch " + r.benchmark().replace("Epoch AI:", ""));
            case "vectara-hallucination" -> Leaderboard.idOf("vectara " + r.metric());
            default -> Leaderboard.idOf(r.benchmark() + " " + r.metric());
        };
    }

    private static Leaderboard leaderboard(String id, Placed p, boolean bounded) {
        LeaderboardTable.Score r = p.row();
        String name = r.source().equals("lmarena-text") ? "LMArena Text (" + r.category() + ", " + (p.style().isEmpty() ? STYLE_CONTROL : p.style()) + ")"
                : r.benchmark();
        return new Leaderboard(id, name, PUBLISHERS.get(r.source()), r.repo() + "@" + r.commit(), p.baseMetric(), r.unit(), r.higherIsBetter(), bounded);
    }

    private static String sourceOf(Leaderboard b) {
        return PUBLISHERS.entrySet().stream().filter(e -> e.getValue().equals(b.source())).map(Map.Entry::getKey).findFirst().orElse("");
    }

    /** LiveBench's releases are separate benchmarks: the newest first, its tasks in the publisher's order. */
    private static String newestReleaseFirst(Leaderboard b) {
        if (!b.source().equals("LiveBench")) {
            return "";
        }
        String release = b.name().substring("LiveBench ".length(), "LiveBench ".length() + 10);
        return String.valueOf(99999999 - Integer.parseInt(release.replace("-", "")));
    }

    /**
     * The scores sources carry on the models themselves (simple-evals, Artificial Analysis), each benchmark under
     * an id of its name. Where that id is a leaderboard's own, the leaderboard's full table stands and the copy on the
     * model is not repeated.
     */
    private static void addScoresOnModels(Catalog catalog, List<Leaderboard> benchmarks, List<LeaderboardScore> scores) {
        Map<String, Leaderboard> byId = new LinkedHashMap<>();
        benchmarks.forEach(b -> byId.put(b.id(), b));
        Map<String, Leaderboard> added = new LinkedHashMap<>();
        for (Model m : catalog.models()) {
            for (Benchmark b : m.benchmarks()) {
                String id = Leaderboard.idOf(b.name());
                if (byId.containsKey(id)) {
                    continue;
                }
                Leaderboard board = added.computeIfAbsent(id, k -> new Leaderboard(k, b.name(), publisher(b), b.source().key(), b.metric(),
                        b.kind().unit(), b.kind().higherIsBetter(), false));
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
}
