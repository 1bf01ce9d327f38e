package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled snapshot's scores read model by model (issue 19: a comparison reads its models' scores alone) are
 * those of the whole leaderboards: the same benchmarks, each model's scores in the same order, the same matchups.
 */
class LeaderboardsOfModelsTest {
    private static Leaderboards whole;
    private static List<String> scored;

    @BeforeAll
    static void readWhole() {
        whole = fresh().leaderboards();
        scored = List.copyOf(new LinkedHashSet<>(whole.scores().stream().map(LeaderboardScore::modelId).toList()));
    }

    /** A catalog of its own for each read: one whose whole leaderboards are read answers from them. */
    private static Catalog fresh() {
        byte[] bytes = BundledSnapshot.bytes();
        assertThat(bytes).as("the bundled snapshot (built by the Maven build)").isNotNull();
        return CatalogSnapshot.read(bytes, CatalogSnapshot.keyOf(bytes)).orElseThrow();
    }

    /** Pairs of scored models far apart and near in the listing, and triples: several hundred comparisons. */
    private static List<List<String>> groups() {
        List<List<String>> groups = new ArrayList<>();
        int n = scored.size();
        for (int i = 0; i < n; i += 3) {
            groups.add(List.of(scored.get(i), scored.get((i + 1) % n)));
            groups.add(List.of(scored.get(i), scored.get((i + n / 2) % n)));
        }
        for (int i = 0; i < n; i += 17) {
            groups.add(List.of(scored.get(i), scored.get((i + 5) % n), scored.get((i + 11) % n)));
        }
        groups.add(List.of("gpt-4.1", "gpt-4.1-mini"));
        groups.add(List.of(scored.get(0), "no-such-model"));
        return groups;
    }

    @Test
    void the_bundled_leaderboards_score_many_models() {
        assertThat(whole.scores()).hasSizeGreaterThan(10_000);
        assertThat(scored).hasSizeGreaterThan(200).contains("gpt-4.1", "gpt-4.1-mini");
    }

    @Test
    void scores_read_by_model_equal_those_of_the_whole_leaderboards() {
        Catalog catalog = fresh();
        long read = 0;
        for (List<String> ids : groups()) {
            Leaderboards some = catalog.leaderboardsOf(ids);

            assertThat(some.benchmarks()).isEqualTo(whole.benchmarks());
            assertThat(some.shared(ids)).as("shared " + ids).isEqualTo(whole.shared(ids));
            for (String id : ids) {
                assertThat(some.scoresOf(id)).as("scores of " + id).isEqualTo(whole.scoresOf(id));
            }
            assertThat(some.scores()).as("nothing of other models").allMatch(s -> ids.contains(s.modelId()));
            read += some.scores().size();
        }
        assertThat(catalog.scoresRead()).as("only these models' scores were read").isEqualTo(read);
        assertThat(catalog.modelsRead()).isZero();
    }

    @Test
    void a_catalog_whose_whole_leaderboards_are_read_gives_the_same_scores_by_model() {
        Catalog catalog = fresh();
        Leaderboards all = catalog.leaderboards();
        for (List<String> ids : groups().subList(0, 50)) {
            assertThat(catalog.leaderboardsOf(ids).shared(ids)).isEqualTo(whole.shared(ids));
        }
        assertThat(catalog.scoresRead()).as("read once, whole").isEqualTo(all.scores().size());
    }
}
