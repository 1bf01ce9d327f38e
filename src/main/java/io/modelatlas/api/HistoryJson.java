package io.modelatlas.api;

import io.modelatlas.catalog.history.HistoryEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/models/{id}/history}: every value of every tracked field. Values are text as stored (prices in
 * USD per million tokens, exact decimals); {@code offering} is empty for model-level fields (limits, status);
 * {@code valid_to} is null while the value holds.
 *
 * <p>{@code valid_from_by} and {@code valid_to_by} say whose date each is: {@code provider} (the provider's own date of
 * a price change, from its pricing page as genai-prices carries it; {@code citation} names the entry and the page) or
 * {@code observed} (the day a catalog version showed the change). A provider's price with no start date has no
 * {@code valid_from}: its start is unknown.
 */
public record HistoryJson(String model, int count, List<Entry> entries) {
    private static final String PROVIDER = "provider";
    private static final String OBSERVED = "observed";

    public record Entry(String offering, String field, String value, String source, LocalDate validFrom, LocalDate validTo,
                        String validFromBy, String validToBy, String citation) {}

    public static HistoryJson of(String modelId, List<HistoryEntry> entries) {
        return new HistoryJson(modelId, entries.size(), entries.stream().map(HistoryJson::entry).toList());
    }

    private static Entry entry(HistoryEntry e) {
        String fromBy = e.validFrom() == null ? null : e.dating().fromProvider() ? PROVIDER : OBSERVED;
        String toBy = e.validTo() == null ? null : e.dating().toProvider() ? PROVIDER : OBSERVED;
        return new Entry(e.key().offering(), e.key().field(), e.value(), e.source(), e.validFrom(), e.validTo(), fromBy, toBy,
                e.dating().citation());
    }
}
