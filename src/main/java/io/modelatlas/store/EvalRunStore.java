package io.modelatlas.store;

import io.modelatlas.StoreException;
import io.modelatlas.eval.CaseResult;
import io.modelatlas.eval.CaseStatus;
import io.modelatlas.eval.EvalCase;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.RunStatus;
import io.modelatlas.eval.RunStore;
import io.modelatlas.eval.Target;
import io.modelatlas.eval.suite.RunCodec;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Eval runs and their results in the store's database (tables of migration V2). */
final class EvalRunStore implements RunStore {
    private final Jdbi jdbi;
    private final Runnable checkFile;

    /** @param checkFile the store's guard against a SQLite file removed or replaced under it, run before each access */
    EvalRunStore(Jdbi jdbi, Runnable checkFile) {
        this.jdbi = jdbi;
        this.checkFile = checkFile;
    }

    @Override
    public void create(EvalRun run) {
        write(h -> {
            h.createUpdate("""
                            INSERT INTO eval_run (id, created_at, suite_name, suite_file, suite_sha256, settings, status, message, updated_at)
                            VALUES (:id, :at, :name, :file, :sha, :settings, :status, :message, :at)""")
                    .bind("id", run.id()).bind("at", run.createdAt().toString()).bind("name", run.suiteName()).bind("file", run.suiteFile())
                    .bind("sha", run.suiteSha256()).bind("settings", RunCodec.writeSettings(run.settings()))
                    .bind("status", run.status().label()).bind("message", run.message()).execute();
            PreparedBatch targets = h.prepareBatch("""
                    INSERT INTO eval_target (run_id, role, position, name, model, base_url, key_env, price_as, stream)
                    VALUES (:run, :role, :position, :name, :model, :url, :keyEnv, :priceAs, :stream)""");
            for (int i = 0; i < run.targets().size(); i++) {
                bindTarget(targets, run.id(), "candidate", i, run.targets().get(i));
            }
            if (run.judge() != null) {
                bindTarget(targets, run.id(), "judge", 0, run.judge());
            }
            targets.execute();
            PreparedBatch cases = h.prepareBatch("INSERT INTO eval_case (run_id, case_id, position, definition) VALUES (:run, :id, :position, :definition)");
            for (int i = 0; i < run.cases().size(); i++) {
                EvalCase c = run.cases().get(i);
                cases.bind("run", run.id()).bind("id", c.id()).bind("position", i).bind("definition", RunCodec.writeCase(c)).add();
            }
            cases.execute();
            return null;
        });
    }

    private static void bindTarget(PreparedBatch b, String runId, String role, int position, Target t) {
        b.bind("run", runId).bind("role", role).bind("position", position).bind("name", t.name()).bind("model", t.model())
                .bind("url", t.baseUrl().toString()).bind("keyEnv", t.keyEnv()).bind("priceAs", t.priceAs()).bind("stream", t.stream()).add();
    }

    @Override
    public Optional<EvalRun> find(String runId) {
        return read(h -> h.createQuery("SELECT * FROM eval_run WHERE id = :id").bind("id", runId).mapToMap().findOne().map(row -> {
            List<Target> targets = new ArrayList<>();
            Target[] judge = new Target[1];
            h.createQuery("SELECT * FROM eval_target WHERE run_id = :id ORDER BY role, position").bind("id", runId)
                    .map((rs, ctx) -> Map.entry(rs.getString("role"), target(rs)))
                    .forEach(e -> {
                        if (e.getKey().equals("judge")) {
                            judge[0] = e.getValue();
                        } else {
                            targets.add(e.getValue());
                        }
                    });
            List<EvalCase> cases = h.createQuery("SELECT definition FROM eval_case WHERE run_id = :id ORDER BY position").bind("id", runId)
                    .mapTo(String.class).stream().map(RunCodec::readCase).toList();
            return new EvalRun(runId, Instant.parse((String) row.get("created_at")), (String) row.get("suite_name"), (String) row.get("suite_file"),
                    (String) row.get("suite_sha256"), targets, judge[0], cases, RunCodec.readSettings((String) row.get("settings")),
                    RunStatus.parse((String) row.get("status")), (String) row.get("message"));
        }));
    }

    private static Target target(ResultSet rs) throws SQLException {
        return new Target(rs.getString("name"), rs.getString("model"), URI.create(rs.getString("base_url")), rs.getString("key_env"),
                rs.getString("price_as"), rs.getBoolean("stream"));
    }

    @Override
    public List<RunSummary> list(int limit) {
        return read(h -> {
            Map<String, List<String>> targets = new LinkedHashMap<>();
            List<RunSummary> out = new ArrayList<>();
            List<Map<String, Object>> runs = h.createQuery("""
                            SELECT r.id, r.created_at, r.suite_name, r.status,
                              (SELECT COUNT(*) FROM eval_case c WHERE c.run_id = r.id) AS cases,
                              (SELECT COUNT(*) FROM eval_result x WHERE x.run_id = r.id) AS results,
                              (SELECT COUNT(*) FROM eval_result x WHERE x.run_id = r.id AND x.status = 'passed') AS passed
                            FROM eval_run r ORDER BY r.created_at DESC, r.id DESC LIMIT :limit""")
                    .bind("limit", limit).mapToMap().list();
            for (Map<String, Object> r : runs) {
                String id = (String) r.get("id");
                targets.put(id, h.createQuery("SELECT name FROM eval_target WHERE run_id = :id AND role = 'candidate' ORDER BY position")
                        .bind("id", id).mapTo(String.class).list());
                out.add(new RunSummary(id, Instant.parse((String) r.get("created_at")), (String) r.get("suite_name"),
                        RunStatus.parse((String) r.get("status")), targets.get(id), ((Number) r.get("cases")).intValue(),
                        ((Number) r.get("results")).intValue(), ((Number) r.get("passed")).intValue()));
            }
            return out;
        });
    }

    @Override
    public Set<String> completed(String runId) {
        return read(h -> new HashSet<>(h.createQuery("SELECT case_id, target FROM eval_result WHERE run_id = :id").bind("id", runId)
                .map((rs, c) -> RunStore.key(rs.getString(1), rs.getString(2))).list()));
    }

    @Override
    public Set<String> errored(String runId) {
        return read(h -> new HashSet<>(h.createQuery("SELECT case_id, target FROM eval_result WHERE run_id = :id AND status = :errored")
                .bind("id", runId).bind("errored", CaseStatus.ERRORED.label())
                .map((rs, c) -> RunStore.key(rs.getString(1), rs.getString(2))).list()));
    }

    @Override
    public void save(String runId, CaseResult r) {
        // one statement in autocommit: the row is there whole or not at all; the first passed or failed result of a
        // case wins, and a new result replaces an error (SQLite and PostgreSQL both read this upsert)
        write(h -> h.createUpdate("""
                        INSERT INTO eval_result (run_id, case_id, target, status, output, error, input_tokens, cached_input_tokens, output_tokens,
                          usage_measured, cost_usd, cost_note, latency_us, ttft_us, attempts, assertions, finished_at)
                        VALUES (:run, :case, :target, :status, :output, :error, :in, :cached, :out, :measured, :cost, :costNote, :latency, :ttft,
                          :attempts, :assertions, :at)
                        ON CONFLICT (run_id, case_id, target) DO UPDATE SET status = excluded.status, output = excluded.output,
                          error = excluded.error, input_tokens = excluded.input_tokens, cached_input_tokens = excluded.cached_input_tokens,
                          output_tokens = excluded.output_tokens, usage_measured = excluded.usage_measured, cost_usd = excluded.cost_usd,
                          cost_note = excluded.cost_note, latency_us = excluded.latency_us, ttft_us = excluded.ttft_us,
                          attempts = excluded.attempts, assertions = excluded.assertions, finished_at = excluded.finished_at
                        WHERE eval_result.status = :errored""")
                .bind("errored", CaseStatus.ERRORED.label())
                .bind("run", runId).bind("case", r.caseId()).bind("target", r.target()).bind("status", r.status().label())
                .bind("output", r.output()).bind("error", r.error()).bind("in", r.inputTokens()).bind("cached", r.cachedInputTokens())
                .bind("out", r.outputTokens()).bind("measured", r.usageMeasured())
                .bind("cost", r.costUsd() == null ? null : r.costUsd().toPlainString()).bind("costNote", r.costNote())
                .bind("latency", r.latency() == null ? null : r.latency().toNanos() / 1000).bind("ttft", r.timeToFirstToken() == null ? null : r.timeToFirstToken().toNanos() / 1000)
                .bind("attempts", r.attempts()).bind("assertions", RunCodec.writeResults(r.assertions())).bind("at", r.finishedAt().toString())
                .execute());
    }

    @Override
    public List<CaseResult> results(String runId) {
        return read(h -> h.createQuery("""
                        SELECT r.* FROM eval_result r JOIN eval_case c ON c.run_id = r.run_id AND c.case_id = r.case_id
                        WHERE r.run_id = :id ORDER BY c.position, r.target""")
                .bind("id", runId)
                .map((rs, c) -> new CaseResult(rs.getString("case_id"), rs.getString("target"),
                        CaseStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("output"), rs.getString("error"),
                        rs.getLong("input_tokens"), rs.getLong("cached_input_tokens"), rs.getLong("output_tokens"), rs.getBoolean("usage_measured"),
                        rs.getString("cost_usd") == null ? null : new BigDecimal(rs.getString("cost_usd")), rs.getString("cost_note"),
                        micros(rs, "latency_us"), micros(rs, "ttft_us"), rs.getInt("attempts"), RunCodec.readResults(rs.getString("assertions")),
                        Instant.parse(rs.getString("finished_at"))))
                .list());
    }

    private static Duration micros(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofNanos(v * 1000);
    }

    @Override
    public void setStatus(String runId, RunStatus status, String message, Instant at) {
        write(h -> h.createUpdate("UPDATE eval_run SET status = :status, message = :message, updated_at = :at WHERE id = :id")
                .bind("status", status.label()).bind("message", message).bind("at", at.toString()).bind("id", runId).execute());
    }

    private <T> T read(Function<Handle, T> query) {
        checkFile.run();
        try {
            return jdbi.withHandle(query::apply);
        } catch (JdbiException e) {
            throw new StoreException("cannot read eval runs: " + Store.rootMessage(e), e);
        }
    }

    private <T> T write(Function<Handle, T> work) {
        checkFile.run();
        try {
            return jdbi.inTransaction(work::apply);
        } catch (JdbiException e) {
            throw new StoreException("the store did not take the eval result: " + Store.rootMessage(e), e);
        }
    }
}
