package io.modelatlas.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.snapshot.CatalogDump;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.source.BundledSnapshot;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.store.Store;
import io.modelatlas.store.StoredSnapshotShortcut;
import io.modelatlas.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store keeps each catalog version's merged catalog as a snapshot; a start reads it only when this build made it. */
class StoredSnapshotTest {
    /** The catalog of the store's files, merged as a start without snapshots merges it. */
    private static Catalog merged(LiveCatalog service, Store store) {
        SourceSet set = SourceSet.bundled();
        for (String source : SourceSet.IMPORTABLE) {
            set = set.with(service.currentFile(source));
        }
        return CatalogLoader.load(set.withCurations(store.curations()));
    }

    @Test
    void each_version_keeps_its_catalog_and_a_start_reads_the_same_catalog_a_merge_makes() {
        String stamp = BundledSnapshot.stamp();
        assertThat(stamp).as("the bundled snapshot of this build").isNotNull();
        try (Store store = Store.open(TestDatabases.newDatabase("sqlite"))) {
            LiveCatalog seeded = LiveCatalog.open(store.catalogArchive(), SourceSet.bundled(), MiniData.CLOCK);
            long seedVersion = seeded.version();
            String expected = CatalogDump.of(merged(seeded, store));

            // seeded from the bundled snapshot, without merging the stored copies: still the catalog a merge makes
            assertThat(store.catalogSnapshot(seedVersion, stamp)).isPresent();
            assertThat(CatalogDump.of(seeded.catalog())).isEqualTo(expected);
            assertThat(seeded.catalog().sources()).filteredOn(s -> s.name().equals("litellm"))
                    .singleElement().satisfies(s -> assertThat(s.origin()).startsWith("imported file "));
            assertThat(CatalogDump.of(LiveCatalog.open(store.catalogArchive(), SourceSet.bundled(), MiniData.CLOCK).catalog())).isEqualTo(expected);

            byte[] litellm = SourceSet.bundled().file("litellm").content();
            byte[] edited = (new String(litellm, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
            seeded.importFile("litellm", "litellm-2026-12-01.json", edited, LocalDate.of(2026, 12, 1), false, "test");
            long imported = seeded.version();

            assertThat(imported).isGreaterThan(seedVersion);
            assertThat(store.catalogSnapshot(imported, stamp)).isPresent();
            assertThat(store.catalogSnapshot(seedVersion, stamp)).as("older versions' snapshots are dropped").isEmpty();
            LiveCatalog restarted = LiveCatalog.open(store.catalogArchive(), SourceSet.bundled(), MiniData.CLOCK);
            assertThat(CatalogDump.of(restarted.catalog())).isEqualTo(CatalogDump.of(merged(restarted, store)))
                    .contains("litellm-2026-12-01.json");
        }
    }

    @Test
    void a_command_that_only_reads_takes_the_latest_snapshot_straight_from_the_file_only_when_opening_would_give_it() throws Exception {
        String url = TestDatabases.newDatabase("sqlite");
        String stamp = BundledSnapshot.stamp();
        java.util.Map<String, LocalDate> bundledAsOf = BundledSnapshot.importableAsOf();
        assertThat(bundledAsOf).containsOnlyKeys(SourceSet.IMPORTABLE).containsEntry("litellm", SourceSet.bundled().ownAsOf("litellm"));
        assertThat(StoredSnapshotShortcut.read(url, stamp, bundledAsOf)).as("no file yet").isEmpty();
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(url.substring("jdbc:sqlite:".length()).replaceAll("\\?.*", ""))))
                .as("and none made by asking").isFalse();
        try (Store store = Store.open(url)) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), SourceSet.bundled(), MiniData.CLOCK);
            byte[] litellm = SourceSet.bundled().file("litellm").content();
            service.importFile("litellm", "litellm-2026-12-01.json", (new String(litellm, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                    LocalDate.of(2026, 12, 1), false, "test");

            StoredSnapshotShortcut.Latest latest = StoredSnapshotShortcut.read(url, stamp, bundledAsOf).orElseThrow();

            assertThat(latest.version()).isEqualTo(service.version());
            Catalog read = CatalogSnapshot.read(latest.snapshot(), LiveCatalog.snapshotKey(latest.version())).orElseThrow();
            assertThat(CatalogDump.of(read)).isEqualTo(CatalogDump.of(service.catalog())).contains("litellm-2026-12-01.json");

            assertThat(StoredSnapshotShortcut.read(url, "another build", bundledAsOf)).as("kept by another build").isEmpty();
            assertThat(StoredSnapshotShortcut.read(url, stamp, java.util.Map.of("litellm", LocalDate.of(2027, 1, 1))))
                    .as("a newer bundled file, which opening the store imports first").isEmpty();
            assertThat(StoredSnapshotShortcut.read("jdbc:postgresql://127.0.0.1:1/none", stamp, bundledAsOf)).as("only SQLite files").isEmpty();
        }
    }

    @Test
    void a_snapshot_made_by_another_build_is_not_read() {
        try (Store store = Store.open(TestDatabases.newDatabase("sqlite"))) {
            long version = LiveCatalog.open(store.catalogArchive(), SourceSet.bundled(), MiniData.CLOCK).version();
            String key = "catalog version " + version;
            // what another build kept: a catalog this build's merge would not make (no model at all)
            store.keepCatalogSnapshot(version, "another build", CatalogSnapshot.write(Catalog.of(List.of()), key, "another build"));

            LiveCatalog restarted = LiveCatalog.open(store.catalogArchive(), SourceSet.bundled(), MiniData.CLOCK);

            assertThat(restarted.catalog().models()).hasSizeGreaterThan(2_000);
            assertThat(store.catalogSnapshot(version, BundledSnapshot.stamp())).as("kept again by this build").isPresent();
            assertThat(store.catalogSnapshot(version, "another build")).isEmpty();
        }
    }

    @Test
    void a_store_of_another_data_set_keeps_no_snapshot() {
        try (Store store = Store.open(TestDatabases.newDatabase("sqlite"))) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK);

            assertThat(store.catalogSnapshot(service.version(), BundledSnapshot.stamp())).isEmpty();
        }
    }

    static java.util.stream.Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void the_store_keeps_one_snapshot_per_build_and_version(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
            long v = service.version();
            byte[] bytes = CatalogSnapshot.write(service.catalog(), "catalog version " + v, "build A");

            store.keepCatalogSnapshot(v, "build A", bytes);

            assertThat(store.catalogSnapshot(v, "build A")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
            assertThat(store.catalogSnapshot(v, "build B")).isEmpty();
            assertThat(store.catalogSnapshot(v - 1, "build A")).isEmpty();
        }
    }
}
