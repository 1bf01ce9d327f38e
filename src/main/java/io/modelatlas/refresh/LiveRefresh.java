package io.modelatlas.refresh;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.CatalogChanges;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.CatalogLoader.LeaderboardCheck;
import io.modelatlas.catalog.source.CatalogLoader.SourceCheck;
import io.modelatlas.catalog.source.LeaderboardUpstream;
import io.modelatlas.catalog.source.SourceSet.SourceFile;
import io.modelatlas.refresh.LeaderboardFetch.Fetched;
import io.modelatlas.fetch.FetchOutcome;
import io.modelatlas.fetch.HttpFetcher;
import io.modelatlas.fetch.Validators;
import io.modelatlas.refresh.SourceOutcome.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refreshes the catalog from the sources' live upstream files. Each source is fetched (conditionally), parsed by its
 * reader and compared with the copy the catalog reads now before anything is touched; the files that pass are then
 * recorded as one catalog version. A source that fails or is refused keeps its copy and never stops the others.
 *
 * <p>A leaderboard is a source too: its upstream files are fetched from its base URL, turned into its tidy table by
 * its {@link LeaderboardUpstream}, and the table is what the catalog keeps in place of the bundled one.
 */
public final class LiveRefresh {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final LiveCatalog catalog;
    private final HttpFetcher fetcher;
    private final Path home;
    private final Clock clock;
    private final Map<String, LeaderboardUpstream> leaderboards;

    /**
     * @param home where fetch validators are remembered and refused files are kept ({@code $MODELATLAS_HOME})
     */
    public LiveRefresh(LiveCatalog catalog, HttpFetcher fetcher, Path home, Clock clock) {
        this(catalog, fetcher, home, clock, LeaderboardUpstream.all());
    }

    /**
     * @param leaderboards how each leaderboard's upstream files are read, by source name: a source of the upstreams
     *                     named here is fetched as a leaderboard
     */
    public LiveRefresh(LiveCatalog catalog, HttpFetcher fetcher, Path home, Clock clock, Map<String, LeaderboardUpstream> leaderboards) {
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.home = home;
        this.clock = clock;
        this.leaderboards = Map.copyOf(leaderboards);
    }

    /**
     * Refreshes every source of {@code upstreams}; with {@code accept}, files that parse are taken past the guards. A
     * source the catalog has no copy of is fetched only when named ({@link Upstreams#named}).
     */
    public RefreshReport run(Upstreams upstreams, boolean accept, String actor) {
        LocalDate today = LocalDate.now(clock);
        FetchMemory memory = FetchMemory.in(home);
        Map<String, SourceOutcome> outcomes = new LinkedHashMap<>();
        List<Candidate> accepted = new ArrayList<>();
        upstreams.urls().forEach((source, url) -> {
            if (!upstreams.named() && catalog.currentFileIfAny(source).isEmpty()) {
                return;
            }
            try {
                LeaderboardUpstream board = leaderboards.get(source);
                Step step = board != null ? fetchAndCheckLeaderboard(board, url, today, accept, memory) : fetchAndCheck(source, url, today, accept, memory);
                outcomes.put(source, step.outcome());
                if (step.candidate() != null) {
                    accepted.add(step.candidate());
                }
            } catch (RuntimeException e) {
                outcomes.put(source, new SourceOutcome(source, url, Status.FAILED, "unexpected error: " + e.getMessage()));
            }
        });
        ImportResult recorded = null;
        List<CatalogChange> changes = List.of();
        List<ScoreChange> scoreChanges = List.of();
        if (!accepted.isEmpty()) {
            Catalog before = catalog.catalog();
            boolean boards = accepted.stream().anyMatch(c -> leaderboards.containsKey(c.file().source()));
            try {
                recorded = catalog.refreshFiles(accepted.stream().map(Candidate::file).toList(), actor);
                changes = CatalogChanges.between(before, catalog.catalog(), today);
                if (boards) {
                    scoreChanges = ScoreChange.between(before.leaderboards(), catalog.catalog().leaderboards());
                }
                for (Candidate c : accepted) {
                    c.remember(memory);
                }
            } catch (RuntimeException e) {
                for (Candidate c : accepted) {
                    outcomes.put(c.file().source(), new SourceOutcome(c.file().source(), c.url(), Status.FAILED,
                            "the catalog could not be built with it, nothing was recorded: " + e.getMessage()));
                }
            }
        }
        memory.save();
        return new RefreshReport(today, List.copyOf(outcomes.values()), recorded, changes, scoreChanges);
    }

    /**
     * A fetched file that passed every check, with what to remember once it is recorded: the validators of each
     * upstream file it was made from (one for a price source; one per path for a leaderboard), under its memory key.
     */
    private record Candidate(SourceFile file, URI url, List<Fetched> fetched) {
        Candidate(SourceFile file, URI url, Validators validators) {
            this(file, url, List.of(new Fetched(file.source(), url, validators)));
        }

        void remember(FetchMemory memory) {
            String sha = LiveCatalog.sha256(file.content());
            fetched.forEach(f -> memory.remember(f.key(), f.url(), f.validators(), sha));
        }
    }

    private record Step(SourceOutcome outcome, Candidate candidate) {}

    private Step fetchAndCheck(String source, URI url, LocalDate today, boolean accept, FetchMemory memory) {
        String storedSha = catalog.storedSha256(source);
        FetchOutcome fetched = fetcher.fetch(url, memory.validators(source, url, storedSha));
        if (fetched instanceof FetchOutcome.Unchanged) {
            return new Step(new SourceOutcome(source, url, Status.UNCHANGED, "not modified upstream (HTTP 304)"), null);
        }
        if (fetched instanceof FetchOutcome.Failed f) {
            return new Step(new SourceOutcome(source, url, Status.FAILED, f.reason()), null);
        }
        FetchOutcome.Fetched got = (FetchOutcome.Fetched) fetched;
        String sha = LiveCatalog.sha256(got.body());
        if (sha.equals(storedSha)) {
            memory.remember(source, url, got.validators(), sha);
            return new Step(new SourceOutcome(source, url, Status.UNCHANGED, "identical to the stored copy"), null);
        }
        // the upstream files carry no date of their own: the content is dated the day it was observed
        SourceFile file = new SourceFile(source, url.toString(), today, false, got.body());
        SourceCheck check;
        try {
            check = CatalogLoader.check(file);
        } catch (RuntimeException e) {
            return refuse(source, url, got.body(), "it is not a usable " + source + " file: " + e.getMessage(), false);
        }
        Optional<SourceFile> current = catalog.currentFileIfAny(source);
        // a first copy of a source has nothing to lose against: its shape was checked by parsing it
        if (!accept && current.isPresent()) {
            Optional<String> problem = RefreshGuard.problem(CatalogLoader.check(current.get()), check);
            if (problem.isPresent()) {
                return refuse(source, url, got.body(), problem.get(), true);
            }
        }
        String detail = String.format("%,d entries, %,d offerings%s", check.entries(), check.offerings(), accept ? " (accepted past the guards)" : "");
        return new Step(new SourceOutcome(source, url, Status.UPDATED, detail), new Candidate(file, url, got.validators()));
    }

    private Step refuse(String source, URI url, byte[] body, String why, boolean acceptable) {
        return refuse(source, url, body, ".json", why, acceptable);
    }

    private Step refuse(String source, URI url, byte[] body, String extension, String why, boolean acceptable) {
        Path kept = home.resolve("refused").resolve(source + "-" + STAMP.format(clock.instant()) + extension);
        try {
            Files.createDirectories(kept.getParent());
            Files.write(kept, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the refused " + source + " file as " + kept, e);
        }
        return new Step(new SourceOutcome(source, url, Status.REFUSED, why, kept, acceptable), null);
    }

    /**
     * Fetches each of a leaderboard's upstream files from {@code base}, reads them into its tidy table and checks the
     * table against the one the catalog reads now. A 304 for every file is "unchanged"; one file failing fails the
     * leaderboard; a table that loses many scores is refused unless {@code accept}.
     */
    private Step fetchAndCheckLeaderboard(LeaderboardUpstream board, URI base, LocalDate today, boolean accept, FetchMemory memory) {
        String source = board.source();
        Optional<SourceFile> current = catalog.currentFileIfAny(source);
        if (current.isEmpty()) {
            return new Step(new SourceOutcome(source, base, Status.FAILED, "the catalog's data set has no leaderboards to refresh"), null);
        }
        String currentSha = LiveCatalog.sha256(current.get().content());
        LeaderboardFetch.Result got = LeaderboardFetch.fetch(fetcher, board, base, memory, currentSha);
        if (got instanceof LeaderboardFetch.Failed f) {
            return new Step(new SourceOutcome(source, base, Status.FAILED, f.detail()), null);
        }
        if (got instanceof LeaderboardFetch.NotModified n) {
            return new Step(new SourceOutcome(source, base, Status.UNCHANGED, "not modified upstream (HTTP 304 for each of its " + n.files() + " files)"),
                    null);
        }
        LeaderboardFetch.AllFiles files = (LeaderboardFetch.AllFiles) got;
        Map<String, byte[]> inOrder = files.bodies();
        List<Fetched> fetched = files.fetched();
        byte[] table;
        try {
            table = board.tidy(inOrder, refOf(board, base), today);
        } catch (RuntimeException e) {
            return refuseFiles(source, base, inOrder, "its upstream files cannot be read: " + e.getMessage());
        }
        SourceFile file = new SourceFile(source, base.toString(), today, false, table);
        LeaderboardCheck check;
        try {
            check = CatalogLoader.checkLeaderboard(file);
        } catch (RuntimeException e) {
            return refuse(source, base, table, ".csv", "it is not a usable " + source + " table: " + e.getMessage(), false);
        }
        LeaderboardCheck was = CatalogLoader.checkLeaderboard(current.get());
        LeaderboardGuard.ScoreChanges changes = LeaderboardGuard.between(was, check);
        if (changes.none()) {
            // the same scores (a table re-dated or re-cited only): nothing to record; a 304 next time stands for this table
            new Candidate(current.get(), base, fetched).remember(memory);
            return new Step(new SourceOutcome(source, base, Status.UNCHANGED, "the same " + String.format("%,d", check.rows())
                    + " scores as the copy the catalog reads"), null);
        }
        if (!accept) {
            Optional<String> problem = LeaderboardGuard.problem(was, check);
            if (problem.isPresent()) {
                return refuse(source, base, table, ".csv", problem.get(), true);
            }
        }
        String detail = String.format("%,d scores: %s%s", check.rows(), changes.describe(), accept ? " (accepted past the guards)" : "");
        return new Step(new SourceOutcome(source, base, Status.UPDATED, detail), new Candidate(file, base, fetched));
    }

    /**
     * The branch (or commit) the files were read at: the one in a raw.githubusercontent.com URL of the leaderboard's
     * repository, else its default branch, which a mirror is taken to copy.
     */
    static String refOf(LeaderboardUpstream board, URI base) {
        String prefix = "https://raw.githubusercontent.com/" + board.repo() + "/";
        String url = base.toString();
        String ref = url.startsWith(prefix) ? url.substring(prefix.length()).replaceAll("/+$", "") : "";
        if (!ref.isEmpty()) {
            return ref;
        }
        return board.defaultRef();
    }

    /** Keeps upstream files that cannot be read into a table aside, in a folder of their own; --accept cannot take them. */
    private Step refuseFiles(String source, URI base, Map<String, byte[]> files, String why) {
        Path kept = home.resolve("refused").resolve(source + "-" + STAMP.format(clock.instant()));
        try {
            Files.createDirectories(kept);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(kept.resolve(f.getKey().replace('/', '_')), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the refused " + source + " files in " + kept, e);
        }
        return new Step(new SourceOutcome(source, base, Status.REFUSED, why, kept, false), null);
    }
}
