package io.modelatlas.refresh;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.CatalogChanges;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.CatalogLoader.SourceCheck;
import io.modelatlas.catalog.source.SourceSet.SourceFile;
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
 */
public final class LiveRefresh {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final LiveCatalog catalog;
    private final HttpFetcher fetcher;
    private final Path home;
    private final Clock clock;

    /**
     * @param home where fetch validators are remembered and refused files are kept ({@code $MODELATLAS_HOME})
     */
    public LiveRefresh(LiveCatalog catalog, HttpFetcher fetcher, Path home, Clock clock) {
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.home = home;
        this.clock = clock;
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
                Step step = fetchAndCheck(source, url, today, accept, memory);
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
        if (!accepted.isEmpty()) {
            Catalog before = catalog.catalog();
            try {
                recorded = catalog.refreshFiles(accepted.stream().map(Candidate::file).toList(), actor);
                changes = CatalogChanges.between(before, catalog.catalog(), today);
                for (Candidate c : accepted) {
                    memory.remember(c.file().source(), c.url(), c.validators(), LiveCatalog.sha256(c.file().content()));
                }
            } catch (RuntimeException e) {
                for (Candidate c : accepted) {
                    outcomes.put(c.file().source(), new SourceOutcome(c.file().source(), c.url(), Status.FAILED,
                            "the catalog could not be built with it, nothing was recorded: " + e.getMessage()));
                }
            }
        }
        memory.save();
        return new RefreshReport(today, List.copyOf(outcomes.values()), recorded, changes);
    }

    /** A fetched file that passed every check, with what to remember once it is recorded. */
    private record Candidate(SourceFile file, URI url, Validators validators) {}

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
        Path kept = home.resolve("refused").resolve(source + "-" + STAMP.format(clock.instant()) + ".json");
        try {
            Files.createDirectories(kept.getParent());
            Files.write(kept, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the refused " + source + " file as " + kept, e);
        }
        return new Step(new SourceOutcome(source, url, Status.REFUSED, why, kept, acceptable), null);
    }
}
