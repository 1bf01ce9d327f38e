package io.modelatlas.catalog.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a new catalog changes in the history: rows to open and open rows to close. A changed value closes the old
 * row on the day the new value starts; a field the new catalog no longer has is closed on {@code removedOn}.
 */
public record HistoryDiff(List<Observation> opened, List<Closing> closed) {
    public HistoryDiff {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
    }

    /** An open row of {@code key} that ends on {@code validTo}. */
    public record Closing(FieldKey key, LocalDate validTo) {}

    /**
     * @param open      the open rows of the store (value and valid-from per field)
     * @param now       the new catalog's observations
     * @param removedOn the date to close fields that disappeared (the import's as-of date)
     */
    public static HistoryDiff between(Map<FieldKey, HistoryEntry> open, Map<FieldKey, Observation> now, LocalDate removedOn) {
        List<Observation> opened = new ArrayList<>();
        List<Closing> closed = new ArrayList<>();
        now.forEach((key, obs) -> {
            HistoryEntry was = open.get(key);
            if (was == null) {
                opened.add(obs);
            } else if (!was.value().equals(obs.value())) {
                // a source may date its content before the row it replaces began; the change cannot precede it
                LocalDate from = obs.asOf().isBefore(was.validFrom()) ? was.validFrom() : obs.asOf();
                closed.add(new Closing(key, from));
                opened.add(new Observation(key, obs.value(), obs.source(), from));
            }
        });
        open.forEach((key, was) -> {
            if (!now.containsKey(key)) {
                closed.add(new Closing(key, removedOn.isBefore(was.validFrom()) ? was.validFrom() : removedOn));
            }
        });
        opened.sort(java.util.Comparator.comparing(Observation::key));
        closed.sort(java.util.Comparator.comparing(Closing::key));
        return new HistoryDiff(opened, closed);
    }

    public boolean isEmpty() {
        return opened.isEmpty() && closed.isEmpty();
    }

    public int changes() {
        return opened.size() + closed.size();
    }
}
