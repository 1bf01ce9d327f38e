package io.modelatlas.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.RunStatus;
import io.modelatlas.eval.RunStore;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.replay.LoggedCostMismatch;
import io.modelatlas.replay.Replay;
import io.modelatlas.replay.ReplayReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The api records added for issue 18, where their goldens do not reach: absent parts and exact money. */
class ApiRecordsTest {

    @Test
    void a_correction_of_a_model_without_a_curated_entry_writes_before_as_null_not_absent() throws Exception {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41Mini()));
        JsonNode after = Json.mapper().readTree("{\"best_for\": [\"triage\"]}");
        JsonNode json = Json.mapper().readTree(Json.write(CuratedJson.from(new LiveCatalog.Curated(7, Fixtures.gpt41Mini(), null, after), catalog)));
        assertThat(json.has("before")).isTrue();
        assertThat(json.get("before").isNull()).isTrue();
        assertThat(json.get("after")).isEqualTo(after);
        assertThat(json.path("version").asLong()).isEqualTo(7);
        assertThat(json.path("model").path("id").asText()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void a_run_summary_writes_its_status_as_the_run_report_does() throws Exception {
        RunStore.RunSummary s = new RunStore.RunSummary("r1", Instant.parse("2026-11-23T10:00:00Z"), "suite", RunStatus.INTERRUPTED, List.of("a", "b"), 3, 4, 2);
        JsonNode json = Json.mapper().readTree(Json.write(EvalRunSummaryJson.Runs.of(List.of(s))));
        assertThat(json.at("/runs/0/status").asText()).isEqualTo("interrupted");
        assertThat(json.at("/runs/0/created_at").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(json.at("/runs/0/targets")).hasSize(2);
    }

    @Test
    void a_replay_with_logged_costs_writes_them_exactly_and_one_without_leaves_them_out() throws Exception {
        Replay.ModelResult unknown = new Replay.ModelResult("x", "X", null, null, null, null, null, null, 0, 0, 0, null, "price unknown", null);
        ReplayReport withCosts = new ReplayReport("log.jsonl", "litellm", 1, 0, List.of(), 0, "x", null, true, List.of(unknown), List.of(),
                new BigDecimal("0.000000125"), new BigDecimal("0.0000001"), 1L,
                List.of(new LoggedCostMismatch(3, "req-1", "x", new BigDecimal("0.000000125"), new BigDecimal("0.0000001"))));
        String json = Json.write(ReplayReportJson.from(withCosts));
        assertThat(json).contains("\"logged_usd\" : 0.000000125", "\"request_id\" : \"req-1\"", "\"exact_usd\" : 0.0000001")
                .doesNotContain("E-").doesNotContain("total_usd");
        ReplayReport without = new ReplayReport("log.jsonl", "jsonl", 1, 0, List.of(), 0, "x", null, true, List.of(unknown), List.of(),
                null, null, null, null);
        assertThat(Json.write(ReplayReportJson.from(without))).doesNotContain("logged_usd", "mismatched_requests", "months_spanned");
    }
}
