package io.modelatlas.store;

import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import io.modelatlas.refresh.CatalogArchive;
import io.modelatlas.refresh.CatalogVersion;
import io.modelatlas.refresh.SourceSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The refresh package's catalog archive over the store's version, snapshot, history, change and curation tables. */
final class StoreCatalogArchive implements CatalogArchive {
    private final Store store;

    StoreCatalogArchive(Store store) {
        this.store = store;
    }

    @Override
    public long latestVersion() {
        return store.latestVersion();
    }

    @Override
    public List<CatalogVersion> versions(int limit) {
        return store.versions(limit);
    }

    @Override
    public Optional<LocalDate> latestAsOf(String source) {
        return store.latestAsOf(source);
    }

    @Override
    public Optional<SourceSnapshot> latestSnapshot(String source) {
        return store.latestSnapshot(source);
    }

    @Override
    public Optional<byte[]> catalogSnapshot(long version, String builtBy) {
        return store.catalogSnapshot(version, builtBy);
    }

    @Override
    public void keepCatalogSnapshot(long version, String builtBy, byte[] snapshot) {
        store.keepCatalogSnapshot(version, builtBy, snapshot);
    }

    @Override
    public Map<String, String> curations() {
        return store.curations();
    }

    @Override
    public List<HistoryEntry> history(String modelId) {
        return store.history(modelId);
    }

    @Override
    public List<RecordedChange> changes(LocalDate since, int limit) {
        return store.changes(since, limit);
    }

    @Override
    public <T> T write(Function<Changes, T> work) {
        return store.write(work::apply);
    }
}
