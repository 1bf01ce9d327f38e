package io.modelatlas.api;

import io.modelatlas.catalog.history.RecordedChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/changes}: what refreshes, imports and corrections changed in the catalog, newest day first.
 * Values are text as stored (prices in USD per million tokens as exact decimals, token counts, status text);
 * {@code before} is absent for what is new and {@code after} for what is gone; {@code offering} is empty for
 * model-level changes. {@code truncated} is true when more changes match than {@code limit}: ask again with a later
 * {@code since}.
 */
public record ChangesJson(LocalDate since, int count, boolean truncated, List<Entry> changes) {

    /** {@code kind}: new_model, removed_model, moved, price, limit or status. */
    public record Entry(LocalDate observed, long version, Instant recordedAt, String kind, String model, String offering, String field,
                        String before, String after, String source) {}

    public static ChangesJson of(LocalDate since, List<RecordedChange> changes, boolean truncated) {
        return new ChangesJson(since, changes.size(), truncated, changes.stream().map(r -> new Entry(r.change().observed(), r.version(),
                r.recordedAt(), r.change().kind().name().toLowerCase(Locale.ROOT), r.change().modelId(), r.change().offering(), r.change().field(),
                r.change().before(), r.change().after(), r.source())).toList());
    }
}
