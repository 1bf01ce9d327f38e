package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.api.Json;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageJsonTest {
    @Test
    void writes_maps_lists_and_numbers_in_order_with_money_plain() {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("volumes", List.of(1_000_000L, 250_000_000L));
        chart.put("costs", Arrays.asList(new BigDecimal("5E+1"), new BigDecimal("0.000125"), null));
        chart.put("n", 3);
        chart.put("ok", true);

        assertThat(PageJson.write(chart)).isEqualTo("{\"volumes\":[1000000,250000000],\"costs\":[50,0.000125,null],\"n\":3,\"ok\":true}");
    }

    @Test
    void strings_escape_what_could_break_json_or_end_a_script_element() throws Exception {
        String hostile = "a \"quoted\" \\ path</script><b>&amp;\n\t\u0001é😀";
        String json = PageJson.write(List.of(hostile));

        assertThat(json).doesNotContain("<", ">", "&", "\n", "\t", "\u0001");
        JsonNode parsed = Json.mapper().readTree(json);
        assertThat(parsed.get(0).asText()).isEqualTo(hostile);
    }

    @Test
    void refuses_what_it_has_no_json_for() {
        assertThatThrownBy(() -> PageJson.write(List.of(1.5d))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
    }
}
