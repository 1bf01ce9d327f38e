package io.modelatlas.refresh;

import io.modelatlas.catalog.history.CatalogChange;
import java.time.LocalDate;
import java.util.List;

/**
 * What a live refresh came to: one outcome per source, the catalog version it recorded (null when nothing was), and
 * the changes it made to the catalog, dated the day they were observed.
 */
public record RefreshReport(LocalDate observed, List<SourceOutcome> sources, ImportResult recorded, List<CatalogChange> changes) {
    public RefreshReport {
        sources = List.copyOf(sources);
        changes = List.copyOf(changes);
    }

    /** True when every source was refreshed or found unchanged; a failed or refused one makes the refresh exit 1. */
    public boolean ok() {
        return sources.stream().allMatch(SourceOutcome::ok);
    }
}
