package io.modelatlas.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Status;
import io.modelatlas.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sentence about the models whose figure is known never reads as one about all of them: "All 2 models" in a
 * comparison of three is the known two, named, and the third is said to be unknown.
 */
class NWayUnknownWordsTest {
    private static final Catalog CATALOG = Catalog.of(List.of(
            Fixtures.text("alpha", "Alpha", "1", "4", "0.25", 1_000_000L, 32_000L, "2025-01-01", "2024-06-01", Status.current(), List.of()),
            Fixtures.text("beta", "Beta", "1", "8", "0.25", 1_000_000L, 32_000L, "2025-02-01", "2024-06-01", Status.current(), List.of()),
            Fixtures.text("gamma", "Gamma", "1", "12", null, null, 16_000L, "2025-03-01", "2024-06-01", Status.current(), List.of())));

    private List<String> sentences(String... ids) {
        return new Comparer(CATALOG).compareIds(List.of(ids)).differences().stream().map(Difference::sentence).toList();
    }

    @Test
    void the_known_ones_are_named_and_the_unknown_one_is_said() {
        assertThat(sentences("alpha", "beta", "gamma")).contains(
                "Alpha and Beta offer the same 1,000,000-token context window (1M). No context window is known for Gamma.",
                "Most output tokens per response: Alpha and Beta (32,000 tokens), 2 times the fewest, Gamma's (16,000 tokens).");
    }

    @Test
    void every_model_known_and_equal_is_all_of_them() {
        assertThat(sentences("alpha", "beta", "gamma")).contains("All 3 models charge the same for input tokens ($1.00 per million).")
                .noneMatch(s -> s.startsWith("All 2"));
    }
}
