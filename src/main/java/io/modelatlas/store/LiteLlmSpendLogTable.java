package io.modelatlas.store;

import io.modelatlas.StoreException;
import io.modelatlas.replay.SpendLogQuery;
import io.modelatlas.replay.SpendLogTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A LiteLLM proxy's own {@code LiteLLM_SpendLogs} table, read in place: in a read-only transaction that is rolled
 * back (nothing is ever written), through a cursor of {@link #FETCH} rows (the table may hold millions), between
 * {@code since} (inclusive) and {@code until} (exclusive) of {@code "startTime"}, which the proxy stores as UTC
 * without a zone. Only the columns a replay prices are read: not the stored prompts and responses.
 */
public final class LiteLlmSpendLogTable implements SpendLogTable {
    static final int FETCH = 5_000;

    private final String jdbcUrl;
    private final Instant since;
    private final Instant until;

    /** The table a replay's query names; this constructor is the replay package's {@link SpendLogQuery.Opener}. */
    public LiteLlmSpendLogTable(SpendLogQuery query) {
        this.jdbcUrl = query.jdbcUrl();
        this.since = query.since();
        this.until = query.until();
    }

    /** @param since inclusive, or null; @param until exclusive, or null */
    public LiteLlmSpendLogTable(String jdbcUrl, Instant since, Instant until) {
        this(new SpendLogQuery(jdbcUrl, since, until));
    }

    /** The columns a replay reads, those an older proxy's table lacks left out; metadata and spend as text. */
    private static final List<String> WANTED = List.of("request_id", "model", "model_group", "custom_llm_provider", "prompt_tokens", "completion_tokens",
            "spend", "metadata");

    @Override
    public void forEachRow(Consumer<Map<String, String>> row) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                Map<String, String> types = columnTypes(c);
                // "startTime" is timestamp(3) in the proxy's migrations (UTC without a zone); some installs made it timestamptz
                boolean zoned = types.getOrDefault("startTime", "").contains("with time zone");
                List<String> present = WANTED.stream().filter(types::containsKey).toList();
                StringBuilder sql = new StringBuilder("SELECT \"startTime\"");
                present.forEach(col -> sql.append(", ").append('"').append(col).append("\"::text AS \"").append(col).append('"'));
                sql.append(" FROM \"LiteLLM_SpendLogs\" WHERE true").append(since == null ? "" : " AND \"startTime\" >= ?")
                        .append(until == null ? "" : " AND \"startTime\" < ?").append(" ORDER BY \"startTime\", request_id");
                try (PreparedStatement s = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    s.setFetchSize(FETCH);
                    int p = 1;
                    if (since != null) {
                        s.setObject(p++, zoned ? since.atOffset(ZoneOffset.UTC) : LocalDateTime.ofInstant(since, ZoneOffset.UTC));
                    }
                    if (until != null) {
                        s.setObject(p, zoned ? until.atOffset(ZoneOffset.UTC) : LocalDateTime.ofInstant(until, ZoneOffset.UTC));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Map<String, String> columns = new HashMap<>();
                            for (String name : present) {
                                columns.put(name, rs.getString(name));
                            }
                            Instant start = zoned ? toInstant(rs.getObject("startTime", OffsetDateTime.class))
                                    : toInstant(rs.getObject("startTime", LocalDateTime.class));
                            columns.put("startTime", start == null ? null : start.toString());
                            row.accept(columns);
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            // the URL is not repeated: it may carry a password
            throw new StoreException("cannot read the LiteLLM_SpendLogs table: " + e.getMessage(), e);
        }
    }

    /** The table's columns and their types; none means the database has no such table. */
    private static Map<String, String> columnTypes(Connection c) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'LiteLLM_SpendLogs'"
                + " AND table_schema = current_schema()")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        if (types.isEmpty()) {
            throw new StoreException("the database has no LiteLLM_SpendLogs table in its current schema: is it the LiteLLM proxy's database?");
        }
        for (String needed : List.of("request_id", "startTime", "prompt_tokens", "completion_tokens")) {
            if (!types.containsKey(needed)) {
                throw new StoreException("the LiteLLM_SpendLogs table has no " + needed + " column");
            }
        }
        return types;
    }

    private static Instant toInstant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
