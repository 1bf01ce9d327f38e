package io.modelatlas.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The latest catalog of a SQLite store, read for a command that only reads: one read-only JDBC connection and three
 * queries, where opening the {@link Store} starts a pool, JDBI and its mappers (over a second of a cold CLI run).
 *
 * <p>It answers only when opening the store would give the very same catalog: the schema is current, the latest
 * version has a snapshot made by this build, and no bundled source is newer than its stored copy (opening the store
 * would import it first). In every other case it answers empty and the caller opens the store.
 */
public final class StoredSnapshotShortcut {
    /** SQLITE_OPEN_READONLY: a read never creates, migrates or locks the file for writing. */
    private static final String READ_ONLY = "1";

    /** A version's snapshot, as {@link Store#catalogSnapshot} gives it. */
    public record Latest(long version, byte[] snapshot) {}

    private StoredSnapshotShortcut() {}

    /**
     * @param jdbcUrl     the store's URL; anything but a {@code jdbc:sqlite:} file that exists answers empty
     * @param builtBy     the stamp of this build's snapshots
     * @param bundledAsOf each importable source's bundled content date
     */
    public static Optional<Latest> read(String jdbcUrl, String builtBy, Map<String, LocalDate> bundledAsOf) {
        if (builtBy == null || !jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        Path file = Path.of(q < 0 ? rest : rest.substring(0, q));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        // the driver itself, not DriverManager: that would load every driver on the class path (PostgreSQL's too)
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=" + READ_ONLY, new java.util.Properties())) {
            if (!Store.SCHEMA_VERSION.equals(one(c, "SELECT version FROM flyway_schema_history WHERE success AND installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)"))) {
                return Optional.empty();
            }
            for (Map.Entry<String, LocalDate> source : bundledAsOf.entrySet()) {
                String stored = one(c, "SELECT as_of FROM source_snapshot WHERE source = ? ORDER BY id DESC LIMIT 1", source.getKey());
                if (stored != null && source.getValue().isAfter(LocalDate.parse(stored))) {
                    return Optional.empty();
                }
            }
            long version = Long.parseLong(one(c, "SELECT COALESCE(MAX(id), 0) FROM catalog_version"));
            try (PreparedStatement st = c.prepareStatement("SELECT content_gzip FROM catalog_snapshot WHERE version_id = ? AND built_by = ?")) {
                st.setLong(1, version);
                st.setString(2, builtBy);
                try (ResultSet rs = st.executeQuery()) {
                    return version > 0 && rs.next() ? Optional.of(new Latest(version, Gzip.decompress(rs.getBytes(1)))) : Optional.empty();
                }
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty(); // busy, damaged or of another shape: opening the store says what is wrong
        }
    }

    private static String one(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
