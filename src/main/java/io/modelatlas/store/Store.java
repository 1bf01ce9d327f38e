package io.modelatlas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.modelatlas.StoreException;
import io.modelatlas.admin.AdminTokenInfo;
import io.modelatlas.admin.AdminTokenStore;
import io.modelatlas.admin.AuditEntry;
import io.modelatlas.admin.AuditLog;
import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import io.modelatlas.refresh.CatalogArchive;
import io.modelatlas.refresh.CatalogVersion;
import io.modelatlas.refresh.SourceSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The database behind the catalog's history, imported source files, curation, admin tokens and the audit log: a
 * SQLite file by default, PostgreSQL when several instances share one store. The schema is migrated by Flyway on
 * open. The only package that touches JDBC.
 */
public final class Store implements AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final SqliteFile file; // null on PostgreSQL
    private final java.util.concurrent.atomic.AtomicBoolean localLock = new java.util.concurrent.atomic.AtomicBoolean();

    enum Dialect { SQLITE, POSTGRESQL }

    /**
     * The newest migration in {@code db/migration/}. A store already at it opens without Flyway, which scans the
     * classpath and validates every applied script: a third of a second or more of every CLI run. A test keeps this
     * in step with the migration files.
     */
    static final String SCHEMA_VERSION = "4";

    private Store(HikariDataSource pool, Dialect dialect, SqliteFile file) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.dialect = dialect;
        this.file = file;
    }

    /**
     * Opens the store at a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, creating the SQLite file and its folder
     * on first use, and migrates its schema.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Store open(String jdbcUrl) {
        Dialect dialect = jdbcUrl.startsWith("jdbc:sqlite:") ? Dialect.SQLITE
                : jdbcUrl.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : null;
        if (dialect == null) {
            throw new StoreException("the store URL must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        SqliteFile file = dialect == Dialect.SQLITE ? SqliteFile.open(jdbcUrl) : null;
        HikariConfig config = new HikariConfig();
        config.setPoolName("modelatlas-store");
        config.setJdbcUrl(file != null ? file.poolUrl() : jdbcUrl);
        // SQLite allows one writer at a time; more connections only queue behind its lock
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 8);
        config.setMinimumIdle(1);
        // a request waits this long for a database that is down before it gets a 503
        config.setConnectionTimeout(3_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            if (!schemaIsCurrent(pool)) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                        .failOnMissingLocations(true).load().migrate();
            }
            return new Store(pool, dialect, file);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot open the store: " + rootMessage(e), e);
        }
    }

    private static boolean schemaIsCurrent(HikariDataSource pool) {
        try (var c = pool.getConnection();
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() && SCHEMA_VERSION.equals(rs.getString(1)) && rs.getBoolean(2);
        } catch (java.sql.SQLException e) {
            return false; // a new database: no history table yet
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The catalog's versions, source files, corrections and history kept in this store, as the refresh package reads and writes them. */
    public CatalogArchive catalogArchive() {
        return new StoreCatalogArchive(this);
    }

    /** The admin tokens kept in this store, as the admin package reads and writes them. */
    public AdminTokenStore adminTokens() {
        return new StoreAdminTokens(this);
    }

    /** The audit log kept in this store, as its readers see it. */
    public AuditLog auditLog() {
        return this::audit;
    }

    /** The A/B evaluation runs kept in this store. */
    public io.modelatlas.eval.RunStore evalRuns() {
        return new EvalRunStore(jdbi, this::checkFile);
    }

    public boolean isPostgres() {
        return dialect == Dialect.POSTGRESQL;
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- reads ----

    /** The newest catalog version, 0 when nothing was ever recorded. */
    public long latestVersion() {
        return read(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM catalog_version").mapTo(Long.class).one());
    }

    public List<CatalogVersion> versions(int limit) {
        return read(h -> h.createQuery("SELECT id, created_at, kind, summary, actor FROM catalog_version ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, c) -> new CatalogVersion(rs.getLong("id"), Instant.parse(rs.getString("created_at")), rs.getString("kind"),
                        rs.getString("summary"), rs.getString("actor")))
                .list());
    }

    /** The date of the newest stored file of a source, without reading the file. */
    public Optional<LocalDate> latestAsOf(String source) {
        return read(h -> h.createQuery("SELECT as_of FROM source_snapshot WHERE source = :source ORDER BY id DESC LIMIT 1")
                .bind("source", source).mapTo(String.class).findOne().map(LocalDate::parse));
    }

    /** The newest imported file of a source, if any was imported. */
    public Optional<SourceSnapshot> latestSnapshot(String source) {
        return read(h -> h.createQuery("""
                        SELECT id, version_id, source, file_name, as_of, sha256, skip_invalid, entries, skipped, content_gzip
                        FROM source_snapshot WHERE source = :source ORDER BY id DESC LIMIT 1""")
                .bind("source", source)
                .map((rs, c) -> new SourceSnapshot(rs.getLong("id"), rs.getLong("version_id"), rs.getString("source"), rs.getString("file_name"),
                        LocalDate.parse(rs.getString("as_of")), rs.getString("sha256"), rs.getBoolean("skip_invalid"), rs.getInt("entries"),
                        rs.getInt("skipped"), Gzip.decompress(rs.getBytes("content_gzip"))))
                .findOne());
    }

    /** The snapshot of a catalog version's merged catalog, when one made by {@code builtBy} is stored. */
    public Optional<byte[]> catalogSnapshot(long version, String builtBy) {
        return read(h -> h.createQuery("SELECT content_gzip FROM catalog_snapshot WHERE version_id = :version AND built_by = :builtBy")
                .bind("version", version).bind("builtBy", builtBy)
                .map((rs, c) -> Gzip.decompress(rs.getBytes(1))).findOne());
    }

    /**
     * Keeps the snapshot of a version's merged catalog, in place of older ones. A cache: failing to keep it loses
     * nothing, so a store that refuses the write is left as it is.
     */
    public void keepCatalogSnapshot(long version, String builtBy, byte[] snapshot) {
        byte[] gzip = Gzip.compress(snapshot);
        write(w -> {
            w.keepCatalogSnapshot(version, builtBy, gzip);
            return null;
        });
    }

    /** Every field's current row. */
    public Map<FieldKey, HistoryEntry> openHistory() {
        return read(h -> {
            Map<FieldKey, HistoryEntry> out = new HashMap<>();
            h.createQuery("SELECT model_id, offering, field, value, source, valid_from FROM history WHERE valid_to IS NULL")
                    .setFetchSize(5_000)
                    .map((rs, c) -> new HistoryEntry(new FieldKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4),
                            rs.getString(5), LocalDate.parse(rs.getString(6)), null))
                    .forEach(e -> out.put(e.key(), e));
            return out;
        });
    }

    /** Every value every field of a model has held, oldest first. */
    public List<HistoryEntry> history(String modelId) {
        return read(h -> h.createQuery("""
                        SELECT model_id, offering, field, value, source, valid_from, valid_to FROM history
                        WHERE model_id = :model ORDER BY offering, field, valid_from, id""")
                .bind("model", modelId)
                .map((rs, c) -> new HistoryEntry(new FieldKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4),
                        rs.getString(5), LocalDate.parse(rs.getString(6)), rs.getString(7) == null ? null : LocalDate.parse(rs.getString(7))))
                .list());
    }

    /**
     * The changes recorded on or after {@code since} (every one when null), newest day first, then newest version
     * first, each version's changes in the order they were recorded; at most {@code limit}.
     */
    public List<RecordedChange> changes(LocalDate since, int limit) {
        return read(h -> h.createQuery("""
                        SELECT c.version_id, v.created_at, c.observed, c.kind, c.model_id, c.offering, c.field, c.old_value, c.new_value, c.source
                        FROM catalog_change c JOIN catalog_version v ON v.id = c.version_id
                        WHERE c.observed >= :since ORDER BY c.observed DESC, c.version_id DESC, c.id LIMIT :limit""")
                // ISO dates order as text; '' is before every date
                .bind("since", since == null ? "" : since.toString()).bind("limit", limit)
                .map((rs, c) -> new RecordedChange(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(10),
                        new CatalogChange(LocalDate.parse(rs.getString(3)), CatalogChange.Kind.valueOf(rs.getString(4)), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))))
                .list());
    }

    /** Operators' corrections: model id to the overlay patch (JSON). */
    public Map<String, String> curations() {
        return read(h -> {
            Map<String, String> out = new HashMap<>();
            h.createQuery("SELECT model_id, patch FROM curation").map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** The name of the unrevoked token with this hash. */
    public Optional<String> tokenName(String sha256) {
        return read(h -> h.createQuery("SELECT name FROM admin_token WHERE sha256 = :hash AND revoked_at IS NULL")
                .bind("hash", sha256).mapTo(String.class).findOne());
    }

    public List<AdminTokenInfo> tokens() {
        return read(h -> h.createQuery("SELECT name, created_at, revoked_at FROM admin_token ORDER BY name")
                .map((rs, c) -> new AdminTokenInfo(rs.getString(1), Instant.parse(rs.getString(2)),
                        rs.getString(3) == null ? null : Instant.parse(rs.getString(3))))
                .list());
    }

    public List<AuditEntry> audit(int limit) {
        return read(h -> h.createQuery("SELECT id, at, actor, action, target, old_value, new_value FROM audit_log ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, c) -> new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list());
    }

    // ---- coordination ----

    /**
     * Takes the exclusive lock {@code key} without waiting: empty when another holder has it. On PostgreSQL this is a
     * session advisory lock (pg_try_advisory_lock) on a connection kept until {@link Held#close}, so it spans every
     * instance sharing the database and is released by PostgreSQL itself if the instance dies. On SQLite a single
     * instance is assumed, and the lock only keeps this process from running the work twice at once.
     */
    public Optional<Held> tryExclusive(long key) {
        if (dialect == Dialect.SQLITE) {
            return localLock.compareAndSet(false, true) ? Optional.of(() -> localLock.set(false)) : Optional.empty();
        }
        java.sql.Connection c = null;
        try {
            c = pool.getConnection();
            c.setAutoCommit(true); // a session lock: no transaction holds it
            boolean got;
            try (var st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                st.setLong(1, key);
                try (var rs = st.executeQuery()) {
                    got = rs.next() && rs.getBoolean(1);
                }
            }
            if (!got) {
                c.close();
                return Optional.empty();
            }
            java.sql.Connection held = c;
            return Optional.of(() -> unlock(held, key));
        } catch (java.sql.SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot take the lock: " + rootMessage(e), e);
        }
    }

    /** A lock taken by {@link #tryExclusive}; closing releases it. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private void unlock(java.sql.Connection c, long key) {
        try (var st = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, key);
            st.execute();
            closeQuietly(c);
        } catch (java.sql.SQLException e) {
            // a pooled connection would keep the lock: end its session instead, and PostgreSQL releases the lock with it
            pool.evictConnection(c);
        }
    }

    private static void closeQuietly(java.sql.Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (java.sql.SQLException ignored) {
                // nothing more to release
            }
        }
    }

    // ---- writes ----

    /**
     * Runs {@code work} in one transaction after taking the writer lock, so that writers run one after another and
     * each sees what the one before committed. Any exception rolls everything back.
     */
    public <T> T write(Function<StoreWriter, T> work) {
        checkFile();
        try {
            return jdbi.inTransaction(h -> {
                h.execute("UPDATE writer_lock SET writes = writes + 1 WHERE id = 1");
                return work.apply(new StoreWriter(h, dialect));
            });
        } catch (JdbiException e) {
            throw new StoreException("the store did not accept the change: " + rootMessage(e), e);
        }
    }

    private void checkFile() {
        if (file != null) {
            file.check(() -> pool.getHikariPoolMXBean().softEvictConnections());
        }
    }

    private <T> T read(Function<org.jdbi.v3.core.Handle, T> query) {
        checkFile();
        try {
            return jdbi.withHandle(query::apply);
        } catch (JdbiException e) {
            throw new StoreException("cannot read the store: " + rootMessage(e), e);
        }
    }
}
