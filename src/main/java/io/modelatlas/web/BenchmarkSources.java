package io.modelatlas.web;

import io.modelatlas.catalog.Leaderboard;
import java.util.List;
import java.util.Map;

/**
 * The publishers of the bundled leaderboards in the order the benchmark pages list them, with each one's licence
 * and attribution as leaderboards/SOURCE.md records them. LiveBench and LMArena publish no licence file: the pages say
 * so and attribute them in their own words.
 */
final class BenchmarkSources {
    /** Listed first, in this order; any other publisher (scores carried on model listings) follows. */
    static final List<String> ORDER = List.of("LMArena", "LiveBench", "Aider", "Epoch AI", "Vectara");

    private static final Map<String, String> NOTES = Map.of(
            "LMArena", "No licence file: the lmarena/arena-catalog repository has none. Used as public data with attribution: "
                    + "“Scores from LMArena (lmarena.ai) text leaderboard”. Not explicitly licensed.",
            "LiveBench", "No licence file: LiveBench/livebench.github.io has none, and no terms are stated for the results tables. "
                    + "Used as public data with attribution: “Scores from LiveBench (livebench.ai), White et al., LiveBench: A Challenging, "
                    + "Contamination-Free LLM Benchmark”. Not explicitly licensed. Releases are separate benchmarks; averages are not in its data.",
            "Aider", "Apache-2.0 (LICENSE.txt of Aider-AI/aider). A total cost of 0 means the run did not record it and is left out.",
            "Epoch AI", "MIT (LICENSE of epoch-research/benchmark-stitching, “Copyright (c) 2025 Epoch AI”): runs Epoch AI ran itself.",
            "Vectara", "Apache-2.0 (LICENSE of vectara/hallucination-leaderboard): HHEM-2.3 hallucination leaderboard.");

    private BenchmarkSources() {}

    /** The licence and attribution of a publisher's scores. */
    static String note(String source) {
        return NOTES.getOrDefault(source, "Scores " + source + " publishes, as the model listings carry them; each score names its listing and date.");
    }

    /** Where a benchmark's publisher sorts among the groups: the known five first, the others after, in catalog order. */
    static int rank(Leaderboard b) {
        int i = ORDER.indexOf(b.source());
        return i < 0 ? ORDER.size() : i;
    }

    /** "higher is better", "lower is better" or "descriptive" (neither). */
    static String direction(Leaderboard b) {
        return b.higherIsBetter() == null ? "descriptive" : b.higherIsBetter() ? "higher is better" : "lower is better";
    }

    /** A LiveBench benchmark's release date ({@code 2026-01-08}), named at the start of its name. */
    static String liveBenchRelease(Leaderboard b) {
        return b.name().substring("LiveBench ".length(), "LiveBench ".length() + 10);
    }
}
