package io.modelatlas.api;

import io.modelatlas.catalog.history.HistoryEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/models/{id}/history}: every value of every tracked field. Values are text as stored (prices in
 * USD per million tokens, exact decimals); {@code offering} is empty for model-level fields (limits, status);
 * {@code valid_to} is null while the value holds.
 */
public record HistoryJson(String model, int count, List<Entry> entries) {

    public record Entry(String offering, String field, String value, String source, LocalDate validFrom, LocalDate validTo) {}

    public static HistoryJson of(String modelId, List<HistoryEntry> entries) {
        return new HistoryJson(modelId, entries.size(), entries.stream()
                .map(e -> new Entry(e.key().offering(), e.key().field(), e.value(), e.source(), e.validFrom(), e.validTo())).toList());
    }
}
