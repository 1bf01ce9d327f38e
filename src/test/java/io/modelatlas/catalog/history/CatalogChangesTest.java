package io.modelatlas.catalog.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change report between two sets of observations: what a refresh prints and what a changes feed can list. */
class CatalogChangesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate OLD = LocalDate.of(2026, 7, 18);

    private static Map<FieldKey, Observation> obs(String... modelOfferingFieldValue) {
        Map<FieldKey, Observation> m = new HashMap<>();
        for (String s : modelOfferingFieldValue) {
            String[] p = s.split("\\|", -1);
            FieldKey k = new FieldKey(p[0], p[1], p[2]);
            m.put(k, new Observation(k, p[3], "litellm", OLD));
        }
        return m;
    }

    private static String text(CatalogChange c) {
        return c.kind() + " " + c.modelId() + " " + c.offering() + " " + c.field() + " " + c.before() + " -> " + c.after();
    }

    @Test
    void prices_limits_status_and_models_that_come_and_go_are_listed_once_each() {
        var before = obs("a||context_window|128000", "a||status|active", "a|openai/a|input|0.4", "a|openai/a|output|1.6",
                "a|azure/a|input|0.4", "gone||context_window|8000", "gone|openai/gone|input|1");
        var after = obs("a||context_window|1047576", "a||status|deprecated -> b", "a|openai/a|input|0.35", "a|openai/a|output|1.6",
                "new||context_window|200000", "new|openai/new|input|2");

        List<CatalogChange> changes = CatalogChanges.between(before, after, DAY);

        assertThat(changes).extracting(CatalogChangesTest::text).containsExactly(
                "NEW_MODEL new  model null -> new",
                "REMOVED_MODEL gone  model gone -> null",
                "PRICE a azure/a input 0.4 -> null",
                "PRICE a openai/a input 0.4 -> 0.35",
                "LIMIT a  context_window 128000 -> 1047576",
                "STATUS a  status active -> deprecated -> b");
        assertThat(changes).allSatisfy(c -> assertThat(c.observed()).isEqualTo(DAY));
    }

    @Test
    void an_offering_split_off_to_a_new_model_is_one_move_with_its_own_price_changes() {
        var before = obs("mini|openai/mini|input|0.4", "mini|openai/mini-2025-04-14|input|0.4", "mini|openai/mini-2025-04-14|output|1.6");
        var after = obs("mini|openai/mini|input|0.35", "mini-2025-04-14|openai/mini-2025-04-14|input|0.4",
                "mini-2025-04-14|openai/mini-2025-04-14|output|1.5");

        assertThat(CatalogChanges.between(before, after, DAY)).extracting(CatalogChangesTest::text).containsExactly(
                "NEW_MODEL mini-2025-04-14  model null -> mini-2025-04-14",
                "MOVED mini-2025-04-14 openai/mini-2025-04-14 offering mini -> mini-2025-04-14",
                "PRICE mini openai/mini input 0.4 -> 0.35",
                "PRICE mini-2025-04-14 openai/mini-2025-04-14 output 1.6 -> 1.5");
    }

    @Test
    void identical_observations_change_nothing() {
        var same = obs("a||context_window|128000", "a|openai/a|input|0.4");
        assertThat(CatalogChanges.between(same, obs("a||context_window|128000", "a|openai/a|input|0.4"), DAY)).isEmpty();
    }
}
