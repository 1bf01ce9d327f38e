package io.modelatlas.store;

import io.modelatlas.StoreException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.replay.ReplayReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code replay jdbc:postgresql://...}: the LiteLLM proxy's own table in an embedded PostgreSQL, created with the
 * proxy's column names and filled with the rows of the JSON export fixture, reads to the same report as that
 * export, filtered by {@code startTime}, and is left as it was.
 */
class LiteLlmSpendLogTableTest {
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51()));
    private static String url;

    @BeforeAll
    static void table() throws Exception {
        url = TestDatabases.newDatabase("postgresql");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(resource("litellm-spend-logs-table.sql"));
            JsonNode rows = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(resource("litellm-spend-logs.json"));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"LiteLLM_SpendLogs\" (request_id, call_type, api_key, spend, total_tokens, "
                    + "prompt_tokens, completion_tokens, \"startTime\", \"endTime\", model, model_group, custom_llm_provider, metadata, status) "
                    + "VALUES (?, ?, ?, ?::double precision, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                for (JsonNode r : rows) {
                    insert.setString(1, r.get("request_id").asText());
                    insert.setString(2, r.get("call_type").asText());
                    insert.setString(3, r.get("api_key").asText());
                    // the float column gets the export's text, as the proxy's float would print it
                    insert.setString(4, r.get("spend").decimalValue().toString());
                    insert.setInt(5, r.get("total_tokens").asInt());
                    insert.setInt(6, r.get("prompt_tokens").asInt());
                    insert.setInt(7, r.get("completion_tokens").asInt());
                    insert.setObject(8, LocalDateTime.ofInstant(Instant.parse(r.get("startTime").asText()), ZoneOffset.UTC));
                    insert.setObject(9, LocalDateTime.ofInstant(Instant.parse(r.get("endTime").asText()), ZoneOffset.UTC));
                    insert.setString(10, r.get("model").asText());
                    insert.setString(11, r.get("model_group").asText());
                    insert.setString(12, r.get("custom_llm_provider").asText());
                    insert.setString(13, r.get("metadata").toString());
                    insert.setString(14, r.get("status").asText());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LiteLlmSpendLogTableTest.class.getResourceAsStream("/replay/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ReplayReport replayTable(Instant since, Instant until) {
        return ReplayReport.runTable("LiteLLM_SpendLogs", new LiteLlmSpendLogTable(url, since, until), CompletableFuture.completedFuture(CATALOG),
                c -> List.of(Fixtures.gpt4oMini(), Fixtures.gpt41Mini()), false);
    }

    @Test
    void the_table_reads_to_the_same_report_as_its_json_export() throws IOException {
        ReplayReport table = replayTable(null, null);
        ReplayReport export;
        try (InputStream in = LiteLlmSpendLogTableTest.class.getResourceAsStream("/replay/litellm-spend-logs.json")) {
            export = ReplayReport.run("spend.json", in, CompletableFuture.completedFuture(CATALOG), c -> List.of(Fixtures.gpt4oMini(), Fixtures.gpt41Mini()),
                    false, null);
        }
        assertThat(table.format()).isEqualTo("litellm");
        assertThat(table.requests()).isEqualTo(export.requests()).isEqualTo(6);
        for (int i = 0; i < 2; i++) {
            assertThat(table.models().get(i).modelId()).isEqualTo(export.models().get(i).modelId());
            assertThat(table.models().get(i).totalUsd()).isEqualByComparingTo(export.models().get(i).totalUsd());
            assertThat(table.models().get(i).p95Usd()).isEqualByComparingTo(export.models().get(i).p95Usd());
        }
        assertThat(table.monthsSpanned()).isEqualByComparingTo(export.monthsSpanned());
        assertThat(table.loggedUsd()).isEqualByComparingTo(export.loggedUsd());
        assertThat(table.exactOnRecordedUsd()).isEqualByComparingTo(export.exactOnRecordedUsd());
        assertThat(table.loggedCostMismatches()).isEqualTo(2);
        // rows are numbered in startTime order: the stale price is the third request, the full-price cache read the fifth
        assertThat(table.mismatchedRequests()).extracting(m -> m.requestId() + "@" + m.line())
                .containsExactly("chatcmpl-9f1c2a10-0003@3", "chatcmpl-9f1c2a10-0005@5");
    }

    @Test
    void since_and_until_pick_the_rows_by_start_time_and_nothing_is_written() throws SQLException {
        List<String> before = snapshot();

        // 2026-05-08 14:30 (second row) up to, not including, 2026-05-25 16:45:10.250 (fifth row)
        ReplayReport r = replayTable(Instant.parse("2026-05-08T14:30:00Z"), Instant.parse("2026-05-25T16:45:10.250Z"));

        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.mismatchedRequests()).extracting(m -> m.requestId()).containsExactly("chatcmpl-9f1c2a10-0003");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_database_without_the_table_or_a_url_of_another_database_says_so() {
        String empty = TestDatabases.newDatabase("postgresql");
        assertThatThrownBy(() -> new LiteLlmSpendLogTable(empty, null, null).forEachRow(row -> { }))
                .isInstanceOf(StoreException.class).hasMessageContaining("no LiteLLM_SpendLogs table");
        assertThatThrownBy(() -> new LiteLlmSpendLogTable("jdbc:sqlite:x.db", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> new LiteLlmSpendLogTable(url, Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z")))
                .hasMessageContaining("--since");
    }

    private static List<String> snapshot() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"LiteLLM_SpendLogs\"::text FROM \"LiteLLM_SpendLogs\" ORDER BY request_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
