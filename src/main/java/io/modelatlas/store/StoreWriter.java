package io.modelatlas.store;

import io.modelatlas.admin.AdminTokenStore;
import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryDiff;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.Observation;
import io.modelatlas.refresh.CatalogArchive;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The writes of one transaction, handed out by {@link Store#write}; valid only inside it. */
public final class StoreWriter implements CatalogArchive.Changes, AdminTokenStore.Changes {
    private static final int BATCH = 2_000;
    private final Handle h;
    private final Store.Dialect dialect;

    StoreWriter(Handle h, Store.Dialect dialect) {
        this.h = h;
        this.dialect = dialect;
    }

    /** The newest version as this transaction sees it, under the writer lock. */
    @Override
    public long latestVersion() {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM catalog_version").mapTo(Long.class).one();
    }

    @Override
    public long addVersion(Instant at, String kind, String summary, String actor) {
        return h.createUpdate("INSERT INTO catalog_version (created_at, kind, summary, actor) VALUES (:at, :kind, :summary, :actor)")
                .bind("at", at.toString()).bind("kind", kind).bind("summary", summary).bind("actor", actor)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void addSnapshot(long versionId, String source, String fileName, LocalDate asOf, String sha256, boolean skipInvalid,
                            int entries, int skipped, byte[] content) {
        h.createUpdate("""
                        INSERT INTO source_snapshot (version_id, source, file_name, as_of, sha256, skip_invalid, entries, skipped, content_gzip)
                        VALUES (:version, :source, :file, :asOf, :sha, :skip, :entries, :skipped, :content)""")
                .bind("version", versionId).bind("source", source).bind("file", fileName).bind("asOf", asOf.toString())
                .bind("sha", sha256).bind("skip", skipInvalid).bind("entries", entries).bind("skipped", skipped)
                .bind("content", Gzip.compress(content))
                .execute();
    }

    /** Replaces every stored catalog snapshot but newer versions' with this one (already gzipped). */
    void keepCatalogSnapshot(long versionId, String builtBy, byte[] contentGzip) {
        h.createUpdate("DELETE FROM catalog_snapshot WHERE version_id <= :version").bind("version", versionId).execute();
        h.createUpdate("INSERT INTO catalog_snapshot (version_id, built_by, content_gzip) VALUES (:version, :builtBy, :content)")
                .bind("version", versionId).bind("builtBy", builtBy).bind("content", contentGzip).execute();
    }

    @Override
    public Map<FieldKey, HistoryEntry> openHistory() {
        Map<FieldKey, HistoryEntry> out = new java.util.HashMap<>();
        h.createQuery("SELECT model_id, offering, field, value, source, valid_from FROM history WHERE valid_to IS NULL")
                .setFetchSize(5_000)
                .map((rs, c) -> new HistoryEntry(new FieldKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4),
                        rs.getString(5), LocalDate.parse(rs.getString(6)), null))
                .forEach(e -> out.put(e.key(), e));
        return out;
    }

    /** Closes the rows the diff ends and opens the ones it starts, in batches. */
    @Override
    public void applyHistory(HistoryDiff diff, long versionId) {
        PreparedBatch close = h.prepareBatch("""
                UPDATE history SET valid_to = :to, closed_by = :version
                WHERE model_id = :model AND offering = :offering AND field = :field AND valid_to IS NULL""");
        int n = 0;
        for (HistoryDiff.Closing c : diff.closed()) {
            close.bind("to", c.validTo().toString()).bind("version", versionId).bind("model", c.key().modelId())
                    .bind("offering", c.key().offering()).bind("field", c.key().field()).add();
            if (++n % BATCH == 0) {
                close.execute();
            }
        }
        if (n % BATCH != 0) {
            close.execute();
        }
        PreparedBatch open = h.prepareBatch("""
                INSERT INTO history (model_id, offering, field, value, source, valid_from, version_id)
                VALUES (:model, :offering, :field, :value, :source, :from, :version)""");
        n = 0;
        for (Observation o : diff.opened()) {
            open.bind("model", o.key().modelId()).bind("offering", o.key().offering()).bind("field", o.key().field())
                    .bind("value", o.value()).bind("source", o.source()).bind("from", o.asOf().toString()).bind("version", versionId).add();
            if (++n % BATCH == 0) {
                open.execute();
            }
        }
        if (n % BATCH != 0) {
            open.execute();
        }
    }

    /** Records what version {@code versionId} changed, for the changes feed, each with the source {@code sourceOf} names. */
    @Override
    public void addChanges(long versionId, List<CatalogChange> changes, Function<CatalogChange, String> sourceOf) {
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO catalog_change (version_id, observed, kind, model_id, offering, field, old_value, new_value, source)
                VALUES (:version, :observed, :kind, :model, :offering, :field, :old, :new, :source)""");
        int n = 0;
        for (CatalogChange c : changes) {
            insert.bind("version", versionId).bind("observed", c.observed().toString()).bind("kind", c.kind().name())
                    .bind("model", c.modelId()).bind("offering", c.offering()).bind("field", c.field())
                    .bind("old", c.before()).bind("new", c.after()).bind("source", sourceOf.apply(c)).add();
            if (++n % BATCH == 0) {
                insert.execute();
            }
        }
        if (n % BATCH != 0) {
            insert.execute();
        }
    }

    public Optional<String> curation(String modelId) {
        return h.createQuery("SELECT patch FROM curation WHERE model_id = :model").bind("model", modelId).mapTo(String.class).findOne();
    }

    public Map<String, String> curations() {
        Map<String, String> out = new java.util.HashMap<>();
        h.createQuery("SELECT model_id, patch FROM curation").map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void putCuration(String modelId, String patch, Instant at, String actor) {
        int updated = h.createUpdate("UPDATE curation SET patch = :patch, updated_at = :at, updated_by = :actor WHERE model_id = :model")
                .bind("patch", patch).bind("at", at.toString()).bind("actor", actor).bind("model", modelId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO curation (model_id, patch, updated_at, updated_by) VALUES (:model, :patch, :at, :actor)")
                    .bind("patch", patch).bind("at", at.toString()).bind("actor", actor).bind("model", modelId).execute();
        }
    }

    @Override
    public void addToken(String name, String sha256, Instant at) {
        h.createUpdate("INSERT INTO admin_token (name, sha256, created_at) VALUES (:name, :hash, :at)")
                .bind("name", name).bind("hash", sha256).bind("at", at.toString()).execute();
    }

    @Override
    public boolean tokenExists(String name) {
        return h.createQuery("SELECT COUNT(*) FROM admin_token WHERE name = :name").bind("name", name).mapTo(Integer.class).one() > 0;
    }

    /** Revokes an active token; false when no active token has that name. */
    @Override
    public boolean revokeToken(String name, Instant at) {
        return h.createUpdate("UPDATE admin_token SET revoked_at = :at WHERE name = :name AND revoked_at IS NULL")
                .bind("at", at.toString()).bind("name", name).execute() > 0;
    }

    @Override
    public void audit(Instant at, String actor, String action, String target, String oldValue, String newValue) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, target, old_value, new_value)
                        VALUES (:at, :actor, :action, :target, :old, :new)""")
                .bind("at", at.toString()).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("old", oldValue).bind("new", newValue).execute();
    }

    boolean postgres() {
        return dialect == Store.Dialect.POSTGRESQL;
    }
}
