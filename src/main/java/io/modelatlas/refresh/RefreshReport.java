package io.modelatlas.refresh;

import io.modelatlas.catalog.history.CatalogChange;
import java.time.LocalDate;
import java.util.List;

/**
 * What a live refresh came to: one outcome per source, the catalog version it recorded (null when nothing was), the
 * changes it made to the catalog, dated the day they were observed, and the catalog models' leaderboard scores that a
 * refreshed leaderboard changed.
 */
public record RefreshReport(LocalDate observed, List<SourceOutcome> sources, ImportResult recorded, List<CatalogChange> changes,
                            List<ScoreChange> scoreChanges) {
    public RefreshReport {
        sources = List.copyOf(sources);
        changes = List.copyOf(changes);
        scoreChanges = List.copyOf(scoreChanges);
    }

    /** A report of a refresh that refreshed no leaderboard. */
    public RefreshReport(LocalDate observed, List<SourceOutcome> sources, ImportResult recorded, List<CatalogChange> changes) {
        this(observed, sources, recorded, changes, List.of());
    }

    /** True when every source was refreshed or found unchanged; a failed or refused one makes the refresh exit 1. */
    public boolean ok() {
        return sources.stream().allMatch(SourceOutcome::ok);
    }
}
