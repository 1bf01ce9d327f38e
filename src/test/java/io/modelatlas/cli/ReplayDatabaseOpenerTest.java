package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.replay.SpendLogQuery;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code replay jdbc:...} reads the table through the opener the composition root hands in (the store's reader in the
 * jar), so the command itself needs no database: here a fake opener records the query and serves two rows.
 */
class ReplayDatabaseOpenerTest {
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41Mini(), Fixtures.gpt4oMini()));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<SpendLogQuery> opened = new ArrayList<>();

    private static Map<String, String> row(String id, String startTime) {
        return Map.of("request_id", id, "model", "gpt-4o-mini", "custom_llm_provider", "openai", "prompt_tokens", "1000",
                "completion_tokens", "500", "startTime", startTime);
    }

    private CliContext context(SpendLogQuery.Opener spendLogs) {
        return new CliContext(() -> CATALOG, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (host, port) -> { },
                (d, max, progress) -> "", () -> { throw new IllegalStateException("no store in this test"); }, null, null, spendLogs);
    }

    @Test
    void replay_of_a_database_reads_the_rows_of_the_opener_it_was_given() {
        SpendLogQuery.Opener fake = query -> {
            opened.add(query);
            return rows -> List.of(row("a", "2026-05-02T10:00:00Z"), row("b", "2026-05-03T10:00:00Z")).forEach(rows);
        };

        int code = new Main(context(fake)).run("replay", "jdbc:postgresql://db.example/litellm", "--models", "gpt-4.1-mini", "--since", "2026-05-01");

        assertThat(code).as(err.toString()).isZero();
        assertThat(opened).containsExactly(new SpendLogQuery("jdbc:postgresql://db.example/litellm", Instant.parse("2026-05-01T00:00:00Z"), null));
        assertThat(out.toString()).contains("LiteLLM_SpendLogs").contains(": 2 requests");
    }

    @Test
    void a_query_the_table_cannot_answer_is_refused_before_anything_is_opened() {
        int code = new Main(context(query -> {
            opened.add(query);
            throw new AssertionError("not opened");
        })).run("replay", "jdbc:postgresql://db.example/litellm", "--models", "gpt-4.1-mini", "--since", "2026-06-01", "--until", "2026-05-01");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--since (2026-06-01T00:00:00Z) must be before --until (2026-05-01T00:00:00Z)");
        assertThat(opened).isEmpty();
    }

    @Test
    void a_context_without_an_opener_says_so() {
        CliContext without = new CliContext(() -> CATALOG, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (host, port) -> { },
                (d, max, progress) -> "", () -> { throw new IllegalStateException("no store in this test"); });

        assertThat(new Main(without).run("replay", "jdbc:postgresql://db.example/litellm", "--models", "gpt-4.1-mini")).isEqualTo(2);
        assertThat(err.toString()).contains("reading a LiteLLM proxy's database is not available here");
    }
}
