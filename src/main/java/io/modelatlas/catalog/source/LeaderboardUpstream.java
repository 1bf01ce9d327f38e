package io.modelatlas.catalog.source;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one leaderboard's own published files (in its public GitHub repository) become the tidy CSV the catalog reads
 * ({@link LeaderboardTable#HEADER}): what a live refresh fetches, and how it reads it. The bundled tidy files were made
 * from the same upstream files at a pinned commit, so reading those files at that commit gives the bundled rows.
 */
public interface LeaderboardUpstream {
    /** One of {@link LeaderboardTable#SOURCES}. */
    String source();

    /** The repository, {@code owner/name} as GitHub spells it. */
    String repo();

    /** The branch a live refresh reads by default: each leaderboard's repository publishes from {@code main}. */
    default String defaultRef() {
        return "main";
    }

    /** The files read, relative to the repository's root, in the order they are fetched. */
    List<String> paths();

    /**
     * The tidy CSV (header and rows, UTF-8, {@code \n} line ends) of the fetched files.
     *
     * @param files    each of {@link #paths()} with its bytes
     * @param ref      the commit or branch the files were read at; recorded in {@code source_commit}
     * @param observed the day they were fetched: the {@code as_of} of a score whose file dates nothing
     * @throws SourceFormatException naming the file, the place and what is wrong
     */
    byte[] tidy(Map<String, byte[]> files, String ref, LocalDate observed);

    /** Every leaderboard that can be read from upstream, by source name. */
    static Map<String, LeaderboardUpstream> all() {
        Map<String, LeaderboardUpstream> all = new LinkedHashMap<>();
        for (LeaderboardUpstream upstream : List.of(new AiderUpstream(), new VectaraUpstream(), new EpochUpstream(), new LmArenaUpstream(), new LiveBenchUpstream())) {
            all.put(upstream.source(), upstream);
        }
        return Collections.unmodifiableMap(all);
    }
}
