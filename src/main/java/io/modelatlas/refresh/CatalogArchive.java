package io.modelatlas.refresh;

import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryDiff;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@link LiveCatalog} keeps the truth behind the catalog: catalog versions, imported source files,
 * operators' corrections, the history of every field and the changes feed. The store implements it; this package
 * never knows a database exists. A failing store throws {@link io.modelatlas.StoreException}.
 */
public interface CatalogArchive {
    /** The newest catalog version, 0 when nothing was ever recorded. */
    long latestVersion();

    /** The newest {@code limit} versions, newest first. */
    List<CatalogVersion> versions(int limit);

    /** The date of the newest stored file of a source, without reading the file. */
    Optional<LocalDate> latestAsOf(String source);

    /** The newest imported file of a source, if any was imported. */
    Optional<SourceSnapshot> latestSnapshot(String source);

    /** The snapshot of a catalog version's merged catalog, when one made by {@code builtBy} is kept. */
    Optional<byte[]> catalogSnapshot(long version, String builtBy);

    /** Keeps the snapshot of a version's merged catalog in place of older ones; a cache, so a refusal loses nothing. */
    void keepCatalogSnapshot(long version, String builtBy, byte[] snapshot);

    /** Operators' corrections: model id to the overlay patch (JSON). */
    Map<String, String> curations();

    /** Every value every field of a model has held, oldest first. */
    List<HistoryEntry> history(String modelId);

    /** The changes recorded on or after {@code since} (every one when null), newest first, at most {@code limit}. */
    List<RecordedChange> changes(LocalDate since, int limit);

    /**
     * Runs {@code work} in one transaction after taking the writer lock, so that writers run one after another and
     * each sees what the one before committed. Any exception rolls everything back.
     */
    <T> T write(Function<Changes, T> work);

    /** The writes of one transaction, valid only inside {@link #write}. */
    interface Changes {
        /** The newest version as this transaction sees it, under the writer lock. */
        long latestVersion();

        long addVersion(Instant at, String kind, String summary, String actor);

        void addSnapshot(long versionId, String source, String fileName, LocalDate asOf, String sha256, boolean skipInvalid,
                         int entries, int skipped, byte[] content);

        /** Every field's current row, as this transaction sees it. */
        Map<FieldKey, HistoryEntry> openHistory();

        /** Closes the rows the diff ends and opens the ones it starts. */
        void applyHistory(HistoryDiff diff, long versionId);

        /** Records what version {@code versionId} changed, for the changes feed, each with the source {@code sourceOf} names. */
        void addChanges(long versionId, List<CatalogChange> changes, Function<CatalogChange, String> sourceOf);

        void putCuration(String modelId, String patch, Instant at, String actor);

        void audit(Instant at, String actor, String action, String target, String oldValue, String newValue);
    }
}
