package io.modelatlas.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.CatalogRankings;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.source.BundledSnapshot;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tiers and related comparisons worked out from the bundled snapshot's model index equal those of the same sources
 * merged whole (issue 19): the index's summaries are the models', not an approximation of them.
 */
class SnapshotSummariesTest {
    private static Catalog merged;
    private static Catalog snapshot;

    @BeforeAll
    static void readBoth() {
        SourceSet bundled = SourceSet.bundled();
        merged = CatalogLoader.load(bundled);
        byte[] bytes = BundledSnapshot.bytes();
        assertThat(bytes).as("the bundled snapshot (built by the Maven build)").isNotNull();
        snapshot = CatalogSnapshot.read(bytes, bundled.fingerprint()).orElseThrow(() -> new AssertionError("the bundled snapshot is of other sources"));
    }

    @Test
    void the_snapshot_summaries_are_those_of_the_merged_models_and_read_no_model() {
        assertThat(snapshot.summaries()).hasSize(merged.models().size()).isEqualTo(merged.summaries());
        assertThat(snapshot.modelsRead()).isZero();
        // every field is exercised by the bundled data, so the equality above is not vacuous
        assertThat(merged.summaries())
                .anyMatch(s -> s.intelligence() != null).anyMatch(s -> s.speed() != null).anyMatch(s -> s.family() != null)
                .anyMatch(s -> s.releaseDate() != null && s.releaseDate().day() == null).anyMatch(s -> s.releaseDate() != null && s.releaseDate().day() != null)
                .anyMatch(s -> s.superseded()).anyMatch(s -> s.soldByCreator()).anyMatch(s -> s.inputPerMillion() != null);
    }

    @Test
    void every_model_gets_the_same_tiers_from_the_snapshot_as_from_the_merge() {
        CatalogRankings fromSnapshot = CatalogRankings.of(snapshot);
        CatalogRankings fromMerge = CatalogRankings.of(merged);

        assertThat(snapshot.modelsRead()).as("ranking reads no model").isZero();
        assertThat(fromSnapshot.intelligencePopulation()).isEqualTo(fromMerge.intelligencePopulation()).isGreaterThanOrEqualTo(CatalogRankings.MIN_POPULATION);
        // few bundled models have a measured speed (too few for a speed tier today): the populations must still agree
        assertThat(fromSnapshot.speedPopulation()).isEqualTo(fromMerge.speedPopulation()).isPositive();
        int tiered = 0;
        for (Model m : merged.models()) {
            assertThat(fromSnapshot.intelligenceTier(m)).as(m.id()).isEqualTo(fromMerge.intelligenceTier(m));
            assertThat(fromSnapshot.speedTier(m)).as(m.id()).isEqualTo(fromMerge.speedTier(m));
            tiered += fromMerge.intelligenceTier(m).isPresent() ? 1 : 0;
        }
        assertThat(tiered).isGreaterThan(20);
    }

    @Test
    void related_comparisons_and_families_are_the_same_from_the_snapshot_as_from_the_merge() {
        Comparer fromSnapshot = new Comparer(snapshot);
        Comparer fromMerge = new Comparer(merged);
        List<Model> all = merged.models();
        List<List<String>> comparisons = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Model m = all.get(i);
            // each model against a spread of others, its successor, and (every tenth) in a comparison of three
            comparisons.add(List.of(m.id(), all.get((int) ((i * 7919L + 1) % all.size())).id()));
            if (m.isSuperseded() && merged.byId(m.status().value().successorId()).isPresent()) {
                comparisons.add(List.of(m.id(), m.status().value().successorId()));
            }
            if (i % 10 == 0) {
                comparisons.add(List.of(m.id(), all.get((i + 1) % all.size()).id(), all.get((i + 500) % all.size()).id()));
            }
        }
        Map<String, Integer> reasons = new TreeMap<>();
        for (List<String> ids : comparisons) {
            if (ids.stream().distinct().count() < ids.size()) {
                continue;
            }
            List<Comparison.Related> expected = fromMerge.related(ids.stream().map(merged::require).toList());
            assertThat(fromSnapshot.related(ids.stream().map(snapshot::require).toList())).as(String.join(" vs ", ids)).isEqualTo(expected);
            expected.forEach(r -> reasons.merge(r.reason(), 1, Integer::sum));
        }
        // a successor is listed only beside a third model (not in a comparison of the two), and few bundled models have one
        assertThat(reasons).containsOnlyKeys("successor", "same family", "similar price, other provider");
        assertThat(reasons.get("same family")).isGreaterThan(50);
        assertThat(reasons.get("similar price, other provider")).isGreaterThan(50);
        for (Model m : all) {
            assertThat(fromSnapshot.family(snapshot.require(m.id()))).extracting(Model::id).as(m.id())
                    .isEqualTo(fromMerge.family(m).stream().map(Model::id).toList());
        }
    }
}
