package io.modelatlas.catalog.source;

import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the catalog's {@link Leaderboards}: the five leaderboards (bundled, or fetched by a live refresh), each row placed on a catalog model by
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

    /** The leaderboards of {@code set}: its own tables and mapping, with any fetched copy in place of its table. */
    static Leaderboards of(Catalog catalog, SourceSet set) {
        String mapping = new String(set.read(LeaderboardTable.FOLDER + "mapping.toml"), java.nio.charset.StandardCharsets.UTF_8);
        return of(catalog, LeaderboardTable.read(set), LeaderboardMapping.of(catalog, mapping));
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
        Map<String, String> ids = new HashMap<>(); // a row's benchmark, metric and board to its id: thousands of rows, a few hundred ids
        List<LeaderboardScore> scores = new ArrayList<>();
        for (Placed p : placed) {
            if (p.baseMetric().contains("_95ci") || notRecorded(p.row())) {
                continue;
            }
            String id = ids.computeIfAbsent(p.row().source() + "\u0000" + p.row().benchmark() + "\u0000" + p.row().metric() + "\u0000" + p.style(),
                    k -> benchmarkId(p));
            Leaderboard b = benchmarks.computeIfAbsent(id, k -> leaderboard(k, p, bounds.containsKey(p.boundsKey())));
            BigDecimal[] ci = bounds.getOrDefault(p.boundsKey(), new BigDecimal[2]);
            LeaderboardTable.Score r = p.row();
            scores.add(new LeaderboardScore(b.id(), p.modelId(), p.snapshot(), p.variant(), r.publishedName(), r.score(), ci[0], ci[1],
                    new Provenance(b.source(), r.repo() + "@" + r.commit() + ":" + r.path() + " line " + r.line(), r.asOf())));
        }
        List<Leaderboard> ordered = new ArrayList<>(benchmarks.values());
        ordered.sort(Comparator.comparingInt((Leaderboard b) -> LeaderboardTable.SOURCES.indexOf(sourceOf(b)))
                .thenComparing(LeaderboardImport::newestReleaseFirst));
        Leaderboards.addScoresOnModels(catalog.models(), ordered, scores);
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
        return new Leaderboard(id, name, PUBLISHERS.get(r.source()), r.repo() + "@" + r.commit(), p.baseMetric(), r.unit(), r.higherIsBetter(), bounded,
                BenchmarkKind.QUALITY);
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

}
