package io.modelatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** "Did you mean" stays cheap whatever the query: the work is counted in edit-distance cells, not timed. */
class SuggestionBoundsTest {
    /** 1,000 models, each with an id, a qualified id, a name and a creator-qualified id to compare with. */
    private static final Catalog CATALOG = Catalog.of(IntStream.range(0, 1000)
            .mapToObj(i -> Fixtures.text("model-" + i + "-x".repeat(i % 40), "Model " + i, "1", "2", "0.5", 128_000L, 16_000L, "2025-01-01", "2024-06",
                    Status.current(), List.of()))
            .toList());

    @Test
    void edit_distance_within_a_bound_is_exact_up_to_it() {
        assertThat(EditDistance.within("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(EditDistance.within("kitten", "sitting", 2)).isEqualTo(3); // past the bound: bound + 1
        assertThat(EditDistance.within("", "abc", 5)).isEqualTo(3);
        assertThat(EditDistance.within("gpt-4.1-mnii", "gpt-4.1-mini", 6)).isEqualTo(2);
    }

    @Test
    void the_bounded_distance_agrees_with_the_full_one_on_random_pairs() {
        java.util.Random random = new java.util.Random(14);
        for (int n = 0; n < 2000; n++) {
            String a = randomText(random), b = randomText(random);
            int full = full(a, b);
            int max = random.nextInt(12);
            assertThat(EditDistance.within(a, b, max)).as("%s / %s within %d", a, b, max).isEqualTo(Math.min(full, max + 1));
        }
    }

    @Test
    void a_3000_character_query_fills_a_bounded_number_of_cells() {
        LongAdder cells = new LongAdder();
        List<String> suggestions = CATALOG.suggest("gpt-4o-".repeat(430), 5, cells);
        assertThat(suggestions).isEmpty();
        // the query is cut to 200 characters; names differ from it by more than the cutoff in length alone
        assertThat(cells.sum()).isZero();
    }

    @Test
    void a_query_near_the_names_length_fills_at_most_a_band_per_name() {
        LongAdder cells = new LongAdder();
        String query = "model-7" + "-y".repeat(39); // 85 characters, close in length to many names
        CATALOG.suggest(query, 5, cells);
        int cutoff = query.length() / 2;
        long names = 4 * 1000;
        assertThat(cells.sum()).isPositive().isLessThanOrEqualTo(names * (2L * cutoff + 1) * query.length());
        // and well under the full tables the unbounded search filled
        long full = CATALOG.models().stream().mapToLong(m -> (long) m.id().length() * query.length()).sum() * 4;
        assertThat(cells.sum()).isLessThan(full);
    }

    @Test
    void a_query_past_the_longest_id_is_refused_without_a_search() {
        assertThatThrownBy(() -> CATALOG.require("m".repeat(Catalog.MAX_QUERY_LENGTH + 1)))
                .isInstanceOfSatisfying(UnknownModelException.class, e -> {
                    assertThat(e.suggestions()).isEmpty();
                    assertThat(e.getMessage()).hasSizeLessThan(120);
                });
    }

    @Test
    void close_typos_are_still_suggested() {
        assertThat(CATALOG.suggest("model-12-x-x-x-x-x-x-x-x-x-x-x-x-z", 3)).first().isEqualTo("model-12-x-x-x-x-x-x-x-x-x-x-x-x");
    }

    private static String randomText(java.util.Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(15); i > 0; i--) {
            s.append((char) ('a' + random.nextInt(4)));
        }
        return s.toString();
    }

    private static int full(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i
                        : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
