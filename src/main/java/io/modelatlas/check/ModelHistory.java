package io.modelatlas.check;

import io.modelatlas.catalog.history.HistoryEntry;
import java.util.List;

/**
 * Every value a model's tracked fields have held, with the dates they held it (the store's history). The checker asks
 * for it only when an article has a date ({@code --as-of}); a caller without a store passes {@link #none()}, and
 * claims the catalog's newer data cannot judge then stay unchecked.
 */
@FunctionalInterface
public interface ModelHistory {
    List<HistoryEntry> of(String modelId);

    static ModelHistory none() {
        return id -> List.of();
    }
}
