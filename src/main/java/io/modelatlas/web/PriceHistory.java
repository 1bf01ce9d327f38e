package io.modelatlas.web;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.history.DatedHistory;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.compare.Format;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The "price history" section of a model page: every value the primary offering's prices and the model's limits
 * and status have held, with the provider's own dates of its price changes where genai-prices carries them
 * ({@link DatedHistory}), and a step chart of the prices at the dates they changed.
 *
 * @param rows      one row per value, oldest first within a field
 * @param chartJson {@code {"dates": [...], "series": [{"label", "values", "before"}]}} with values as decimal text (null where the
 *                  price was not known) and {@code before} the price in force before the first date since a day no
 *                  source gives (absent when there is none), or null when no price changed
 */
public record PriceHistory(String offering, List<Row> rows, String chartJson) {
    private static final List<String> CHARTED = List.of("input", "cached_input", "output");

    /** {@code history}: the store's rows of {@code m}; the provider-dated prices of its offerings are merged in here. */
    static PriceHistory of(Model m, List<HistoryEntry> history) {
        history = DatedHistory.merge(m, history);
        String offering = m.primaryOffering().map(Offering::qualifiedId).orElse(null);
        List<HistoryEntry> shown = history.stream()
                .filter(e -> e.key().offering().isEmpty() || e.key().offering().equals(offering))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (HistoryEntry e : shown) {
            String label = label(e);
            rows.add(new Row(label, Format.historyValue(e), source(e) + ", " + period(e), List.of()));
        }
        return new PriceHistory(offering, rows, chart(shown));
    }

    /** A dated price cites the provider's page it came from; an observed value names its source. */
    private static String source(HistoryEntry e) {
        return e.dating().citation() == null ? e.source() : e.source() + " " + e.dating().citation();
    }

    /**
     * {@code from 2025-06-10 (provider's date) to 2025-11-21}, {@code start unknown, until 2025-06-10 (provider's date)},
     * {@code from 2025-11-21 (current)}: whose each date is, where the provider gives it.
     */
    private static String period(HistoryEntry e) {
        String from = e.validFrom() == null ? "start unknown" : "from " + e.validFrom() + providers(e.dating().fromProvider());
        if (e.validTo() == null) {
            return from + (from.endsWith(")") ? ", current" : " (current)");
        }
        return from + (e.validFrom() == null ? ", until " : " to ") + e.validTo() + providers(e.dating().toProvider());
    }

    private static String providers(boolean providerDate) {
        return providerDate ? " (provider's date)" : "";
    }

    private static String label(HistoryEntry e) {
        String f = e.key().field().replace('_', ' ');
        return Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

    private static String chart(List<HistoryEntry> shown) {
        Map<String, List<HistoryEntry>> byField = new LinkedHashMap<>();
        for (String f : CHARTED) {
            List<HistoryEntry> values = shown.stream().filter(e -> !e.key().offering().isEmpty() && e.key().field().equals(f)).toList();
            if (!values.isEmpty()) {
                byField.put(f, values);
            }
        }
        if (byField.values().stream().noneMatch(v -> v.size() > 1)) {
            return null;
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        byField.values().forEach(v -> v.forEach(e -> {
            if (e.validFrom() != null) {
                dates.add(e.validFrom());
            }
            if (e.validTo() != null) {
                dates.add(e.validTo());
            }
        }));
        List<Map<String, Object>> series = new ArrayList<>();
        byField.forEach((field, values) -> {
            List<String> points = new ArrayList<>();
            for (LocalDate d : dates) {
                points.add(values.stream().filter(e -> (e.validFrom() == null || !d.isBefore(e.validFrom())) && (e.validTo() == null || d.isBefore(e.validTo())))
                        .map(HistoryEntry::value).findFirst().orElse(null));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", field.replace('_', ' ') + " (USD / 1M tokens)");
            s.put("values", points);
            // a price whose start is unknown held before the first date: the chart leads into it without a made-up day
            values.stream().filter(e -> e.validFrom() == null && (e.validTo() == null || dates.isEmpty() || !e.validTo().isAfter(dates.first())))
                    .map(HistoryEntry::value).findFirst().ifPresent(v -> s.put("before", v));
            series.add(s);
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("dates", dates.stream().map(LocalDate::toString).toList());
        chart.put("series", series);
        return PageJson.write(chart);
    }
}
