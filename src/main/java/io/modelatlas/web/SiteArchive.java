package io.modelatlas.web;

import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import java.time.LocalDate;
import java.util.List;

/**
 * What the routes read from the store's record of past catalogs. A site without a store records nothing: it has no
 * history and no changes, and the routes that exist only to show them are a 404 ({@link #require}).
 */
interface SiteArchive {
    /** The price and fact history of a model, oldest first; none without a store. */
    List<HistoryEntry> history(String modelId);

    /** The newest recorded changes on or after {@code since} (null for all), at most {@code limit}; none without a store. */
    List<RecordedChange> changes(LocalDate since, int limit);

    /** Throws {@link StoreUnavailableException} (a 404) when the site has no store, or a StoreException when it does not answer. */
    void require();
}
