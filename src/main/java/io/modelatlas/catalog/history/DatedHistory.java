package io.modelatlas.catalog.history;

import io.modelatlas.catalog.DatedPrice;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A model's history with the real dates of its price changes: the store's rows, dated by the day a catalog version
 * showed a change, merged with the price periods the provider dates ({@link Offering#datedPrices()}, genai-prices'
 * {@code start_date} prices citing the provider's pricing page).
 *
 * <p>Design: the store keeps only what it observed, and the catalog carries the dated prices of the current sources;
 * this merge happens when a history is shown (API, model page, CLI), so the store's rows and their meaning do not
 * change and a refreshed genai-prices file dates the history at once. A period becomes one entry per price field
 * (consecutive periods with the same value are one entry). Where the store observed the same value of the same field
 * over an overlapping time, it is one change, not two: the provider's dates replace the observed ones, and an
 * observed date stays only where the provider gives none (the start of the oldest period is unknown to the provider's
 * page; the store's first sight of it is then the best date known when it precedes the provider's first dated
 * change, and is marked observed). A dated value the store
 * never saw, or an observed value the provider's periods do not hold, is shown as it is, beside the other.
 */
public final class DatedHistory {
    private static final Comparator<LocalDate> START = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<LocalDate> END = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<HistoryEntry> ORDER = Comparator.comparing(HistoryEntry::key)
            .thenComparing(HistoryEntry::validFrom, START).thenComparing(HistoryEntry::validTo, END);

    private DatedHistory() {}

    /** {@code observed} (the store's rows of model {@code m}) with the provider-dated prices of its offerings merged in. */
    public static List<HistoryEntry> merge(Model m, List<HistoryEntry> observed) {
        if (m.offerings().stream().allMatch(o -> o.datedPrices().isEmpty())) {
            return observed;
        }
        Set<HistoryEntry> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<HistoryEntry> out = new ArrayList<>();
        for (Offering o : m.offerings()) {
            LocalDate firstChange = o.datedPrices().stream().map(DatedPrice::from).filter(Objects::nonNull).findFirst().orElse(null);
            for (HistoryEntry d : periods(m.id(), o)) {
                List<HistoryEntry> same = observed.stream().filter(e -> sameValueMeanwhile(d, e)).toList();
                absorbed.addAll(same);
                out.add(same.isEmpty() ? d : joined(d, same, firstChange));
            }
        }
        observed.stream().filter(e -> !absorbed.contains(e)).forEach(out::add);
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** The offering's dated prices as entries: one per field and run of equal values, ending where the next value starts. */
    static List<HistoryEntry> periods(String modelId, Offering o) {
        List<DatedPrice> prices = o.datedPrices();
        List<Map<String, String>> fields = prices.stream().map(p -> Observations.fields(p.prices())).toList();
        Map<String, Boolean> names = new LinkedHashMap<>();
        fields.forEach(f -> f.keySet().forEach(n -> names.put(n, true)));
        List<HistoryEntry> out = new ArrayList<>();
        for (String field : names.keySet()) {
            FieldKey key = new FieldKey(modelId, o.qualifiedId(), field);
            int i = 0;
            while (i < prices.size()) {
                String value = fields.get(i).get(field);
                int next = i + 1;
                while (next < prices.size() && Objects.equals(fields.get(next).get(field), value)) {
                    next++;
                }
                if (value != null) {
                    LocalDate to = next < prices.size() ? prices.get(next).from() : null;
                    DatedPrice p = prices.get(i);
                    out.add(new HistoryEntry(key, value, p.source().source(), p.from(), to,
                            new HistoryEntry.Dating(true, to != null, p.source().key())));
                }
                i = next;
            }
        }
        return out;
    }

    private static boolean sameValueMeanwhile(HistoryEntry dated, HistoryEntry observed) {
        return dated.key().equals(observed.key()) && dated.value().equals(observed.value())
                && (dated.validFrom() == null || observed.validTo() == null || observed.validTo().isAfter(dated.validFrom()))
                && (dated.validTo() == null || observed.validFrom().isBefore(dated.validTo()));
    }

    /**
     * One entry for a change both know: the provider's dates, and the observed ones only where the provider has none.
     * A price with no start on the provider's page is known to hold before its first dated change; the store's first
     * sight of it replaces that unknown only when it is earlier, else it would hide what the provider says.
     */
    private static HistoryEntry joined(HistoryEntry dated, List<HistoryEntry> same, LocalDate firstChange) {
        LocalDate from = dated.validFrom();
        boolean fromProvider = from != null;
        if (from == null) {
            LocalDate seen = same.stream().map(HistoryEntry::validFrom).min(Comparator.naturalOrder()).orElseThrow();
            from = firstChange == null || seen.isBefore(firstChange) ? seen : null;
            fromProvider = from == null;
        }
        LocalDate to = dated.validTo();
        boolean toProvider = to != null;
        if (to == null && same.stream().noneMatch(HistoryEntry::open)) {
            to = same.stream().map(HistoryEntry::validTo).max(Comparator.naturalOrder()).orElseThrow();
        }
        return new HistoryEntry(dated.key(), dated.value(), dated.source(), from, to,
                new HistoryEntry.Dating(fromProvider, toProvider, dated.dating().citation()));
    }
}
