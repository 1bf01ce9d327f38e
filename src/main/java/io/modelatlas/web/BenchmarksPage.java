package io.modelatlas.web;

import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Leaderboards;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything {@code benchmark/list.jte} prints: every benchmark, grouped by publisher (LiveBench by release). */
public record BenchmarksPage(Meta meta, List<Group> groups, int benchmarkCount, int modelsWithScores) {
    public static final String PATH = "/benchmarks";

    public BenchmarksPage {
        groups = List.copyOf(groups);
    }

    /**
     * One publisher's benchmarks (one LiveBench release), with its licence and attribution note.
     *
     * @param collapsed true for the older LiveBench releases, shown folded
     */
    public record Group(String anchor, String heading, String note, boolean collapsed, List<Entry> entries) {
        public Group {
            entries = List.copyOf(entries);
        }
    }

    /** One benchmark's row. */
    public record Entry(Leaderboard benchmark, String direction, int modelsScored) {}

    static BenchmarksPage of(WebContext ctx) {
        Leaderboards all = ctx.catalog().leaderboards();
        List<Leaderboard> ordered = new ArrayList<>(all.benchmarks());
        ordered.sort(Comparator.comparingInt(BenchmarkSources::rank)); // stable: catalog order within a publisher
        Map<String, List<Entry>> byHeading = new LinkedHashMap<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (Leaderboard b : ordered) {
            String heading = b.source().equals("LiveBench") ? "LiveBench " + BenchmarkSources.liveBenchRelease(b) : b.source();
            sourceOf.putIfAbsent(heading, b.source());
            byHeading.computeIfAbsent(heading, k -> new ArrayList<>()).add(new Entry(b, BenchmarkSources.direction(b), all.modelsScored(b.id())));
        }
        List<Group> groups = new ArrayList<>();
        String newestLiveBench = null;
        for (Map.Entry<String, List<Entry>> e : byHeading.entrySet()) {
            String source = sourceOf.get(e.getKey());
            boolean olderRelease = source.equals("LiveBench") && newestLiveBench != null;
            // the note is said once for LiveBench: ten copies of it would bury the tables
            String note = olderRelease ? "Same source and terms as " + newestLiveBench + " above." : BenchmarkSources.note(source);
            groups.add(new Group(Leaderboard.idOf(e.getKey()), e.getKey(), note, olderRelease, e.getValue()));
            if (source.equals("LiveBench") && newestLiveBench == null) {
                newestLiveBench = e.getKey();
            }
        }
        String description = all.benchmarks().size() + " benchmarks from LMArena, LiveBench, Aider, Epoch AI, Vectara and the model listings, "
                + "scoring " + all.modelsWithScores() + " models: each with its metric, direction, source commit and licence.";
        return new BenchmarksPage(new Meta("Benchmarks and leaderboards | ModelAtlas", description, ctx.baseUrl() + PATH, null), groups,
                all.benchmarks().size(), all.modelsWithScores());
    }
}
