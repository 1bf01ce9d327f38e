package io.modelatlas.catalog.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.source.BundledSnapshot;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceSet;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A snapshot is the merged catalog, nothing more or less, and is read only for the sources it was made from. */
class CatalogSnapshotTest {
    private static SourceSet bundled;
    private static Catalog merged;
    private static String key;
    private static byte[] snapshot;

    @BeforeAll
    static void mergeOnce() {
        bundled = SourceSet.bundled();
        merged = CatalogLoader.load(bundled);
        key = bundled.fingerprint();
        snapshot = CatalogSnapshot.write(merged, key, "test");
    }

    static String dump(Catalog c) {
        return CatalogDump.of(c);
    }

    @Test
    void the_bundled_catalog_reads_back_as_the_merge_made_it() {
        Catalog read = CatalogSnapshot.read(snapshot, key).orElseThrow();

        // records compare every component, BigDecimal by value and scale
        assertThat(read.models()).isEqualTo(merged.models());
        assertThat(read.sources()).isEqualTo(merged.sources());
        assertThat(read.leaderboards().benchmarks()).isEqualTo(merged.leaderboards().benchmarks());
        assertThat(read.leaderboards().scores()).isEqualTo(merged.leaderboards().scores());
        for (Leaderboard b : merged.leaderboards().benchmarks()) {
            assertThat(read.leaderboards().scores(b.id())).as(b.id()).isEqualTo(merged.leaderboards().scores(b.id()));
        }
        assertThat(dump(read)).isEqualTo(dump(merged));
    }

    @Test
    void the_comparison_covers_what_could_go_wrong() {
        // the bundled data holds every shape the format writes, so the test above is not vacuous
        assertThat(merged.models()).anyMatch(m -> m.contextWindow() != null && m.contextWindow().disputed());
        assertThat(merged.models()).anyMatch(m -> m.prices().isPresent() && m.prices().get().serviceTiers().size() > 1);
        assertThat(merged.models()).flatExtracting(Model::offerings)
                .anyMatch(o -> o.prices() != null && !o.prices().value().tiers().isEmpty())
                .anyMatch(o -> o.prices() != null && o.prices().disputed())
                .anyMatch(o -> o.prices() != null && !o.prices().value().images().isEmpty())
                .anyMatch(o -> o.priceNote() != null);
        assertThat(merged.models()).anyMatch(m -> !m.strengths().isEmpty());
        assertThat(merged.leaderboards().benchmarks()).anyMatch(Leaderboard::bounded);
        assertThat(merged.leaderboards().scores()).anyMatch(s -> s.lower() != null && s.snapshot() != null);
        assertThat(merged.leaderboards().benchmarks().size()).isGreaterThan(50);
    }

    @Test
    void the_jar_carries_the_snapshot_of_its_own_bundled_sources() {
        // written by the build (exec-maven-plugin, process-classes) from the same data files
        byte[] built = BundledSnapshot.bytes();
        assertThat(built).as("bundled snapshot in target/classes").isNotNull();
        assertThat(CatalogSnapshot.keyOf(built)).isEqualTo(key);
        Catalog read = BundledSnapshot.read(bundled).orElseThrow();
        assertThat(dump(read)).isEqualTo(dump(merged));
        assertThat(BundledSnapshot.stamp()).contains(key).contains("build of ");
    }

    @Test
    void the_jar_carries_the_snapshot_of_the_earlier_copies_a_new_store_starts_its_history_from() {
        SourceSet history = bundled;
        for (SourceSet.SourceFile f : bundled.historicFiles()) {
            history = history.with(f);
        }
        Catalog read = BundledSnapshot.readHistory().orElseThrow();

        assertThat(dump(read)).isEqualTo(dump(CatalogLoader.load(history))).isNotEqualTo(dump(merged));
    }

    @Test
    void a_snapshot_of_other_sources_is_not_read() {
        SourceSet corrected = bundled.withCurations(Map.of("gpt-4.1-mini", "{\"description\": \"corrected\"}"));

        assertThat(corrected.fingerprint()).isNotEqualTo(key);
        assertThat(BundledSnapshot.read(corrected)).isEmpty();
        assertThat(CatalogSnapshot.read(snapshot, corrected.fingerprint())).isEmpty();
        // and the set's own load merges: the correction shows
        assertThat(CatalogLoader.load(corrected).require("gpt-4.1-mini").description().value()).isEqualTo("corrected");
    }

    @Test
    void a_snapshot_of_another_format_version_is_not_read() {
        byte[] other = snapshot.clone();
        other[SnapshotFormat.MAGIC.length] = (byte) ((SnapshotFormat.VERSION + 1) << 1); // the version varint, zig-zagged

        assertThat(CatalogSnapshot.keyOf(other)).isNull();
        assertThat(CatalogSnapshot.read(other, key)).isEmpty();
        assertThat(CatalogSnapshot.read("not a snapshot".getBytes(java.nio.charset.StandardCharsets.UTF_8), key)).isEmpty();
    }

    @Test
    void a_snapshot_cut_short_fails_naming_where() {
        byte[] cut = Arrays.copyOf(snapshot, snapshot.length / 2);

        assertThatThrownBy(() -> CatalogSnapshot.read(cut, key)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("unreadable catalog snapshot at byte");
    }

    @Test
    void the_fingerprint_is_the_same_for_the_same_sources() {
        assertThat(SourceSet.bundled().fingerprint()).isEqualTo(key).hasSize(64);
    }
}
