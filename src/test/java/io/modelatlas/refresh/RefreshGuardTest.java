package io.modelatlas.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.source.CatalogLoader.SourceCheck;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thresholds of the refresh guard, at and either side of each edge. */
class RefreshGuardTest {
    /** {@code n} offerings m000, m001, ... each with an input price of 1 USD per 1M tokens. */
    private static Map<String, Map<String, BigDecimal>> priced(int n) {
        Map<String, Map<String, BigDecimal>> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(String.format("p/m%03d", i), Map.of("input", BigDecimal.ONE, "output", new BigDecimal("2")));
        }
        return m;
    }

    private static SourceCheck check(Map<String, Map<String, BigDecimal>> prices) {
        return new SourceCheck("litellm", prices.size(), prices.size(), List.of(), List.of(), prices);
    }

    /** {@code base} with the input price of the first {@code n} offerings set to {@code input}. */
    private static Map<String, Map<String, BigDecimal>> withInput(Map<String, Map<String, BigDecimal>> base, int n, String input) {
        Map<String, Map<String, BigDecimal>> m = new LinkedHashMap<>(base);
        base.keySet().stream().limit(n).forEach(k -> m.put(k, Map.of("input", new BigDecimal(input), "output", new BigDecimal("2"))));
        return m;
    }

    private static Map<String, Map<String, BigDecimal>> without(Map<String, Map<String, BigDecimal>> base, int n) {
        Map<String, Map<String, BigDecimal>> m = new LinkedHashMap<>(base);
        base.keySet().stream().limit(n).toList().forEach(m::remove);
        return m;
    }

    @Test
    void losing_a_tenth_of_the_models_passes_and_more_is_refused() {
        var was = priced(100);

        assertThat(RefreshGuard.problem(check(was), check(without(was, 10)))).isEmpty();
        assertThat(RefreshGuard.problem(check(was), check(without(was, 11)))).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("it loses 11 of the 100 models the catalog has from it (more than 10%), e.g. p/m000, p/m001, p/m002 and 8 more"));
    }

    @Test
    void tenfold_changes_on_five_percent_of_shared_models_are_refused_either_way() {
        var was = priced(100);

        assertThat(RefreshGuard.problem(check(was), check(withInput(was, 4, "10")))).as("4%").isEmpty();
        assertThat(RefreshGuard.problem(check(was), check(withInput(was, 5, "10")))).as("5% up").hasValueSatisfying(p -> assertThat(p)
                .startsWith("it changes the prices of 5 of the 100 models priced in both files by 10x or more")
                .contains("p/m000 input 1 -> 10"));
        assertThat(RefreshGuard.problem(check(was), check(withInput(was, 5, "0.1")))).as("5% down").isPresent();
        assertThat(RefreshGuard.problem(check(was), check(withInput(was, 50, "9.99")))).as("just under 10x").isEmpty();
    }

    @Test
    void twenty_tenfold_changes_are_refused_however_large_the_source() {
        var was = priced(1000);

        assertThat(RefreshGuard.problem(check(was), check(withInput(was, 19, "10")))).isEmpty();
        assertThat(RefreshGuard.problem(check(was), check(withInput(was, 20, "10")))).isPresent();
    }

    @Test
    void free_prices_are_not_scale_errors_but_dropped_prices_are_counted() {
        var was = priced(100);

        assertThat(RefreshGuard.problem(check(was), check(withInput(was, 30, "0")))).as("made free").isEmpty();
        Map<String, Map<String, BigDecimal>> dropped = new LinkedHashMap<>(was);
        was.keySet().stream().limit(11).forEach(k -> dropped.put(k, Map.of()));
        assertThat(RefreshGuard.problem(check(was), check(dropped))).hasValueSatisfying(p -> assertThat(p)
                .startsWith("it drops the prices of 11 of the 100 models it priced (more than 10%)"));
    }
}
