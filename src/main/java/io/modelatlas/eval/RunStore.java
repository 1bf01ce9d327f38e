package io.modelatlas.eval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where runs and their results are kept; implemented by the store, on SQLite or PostgreSQL. */
public interface RunStore {

    /** Records a new run with its cases and targets, in one transaction. */
    void create(EvalRun run);

    Optional<EvalRun> find(String runId);

    /** Runs, newest first. */
    List<RunSummary> list(int limit);

    /** The ids {@code caseId + "\u0000" + target} of results already stored: these are not sent again. */
    Set<String> completed(String runId);

    /** The ids of stored results that are errors (no answer to check): what a resume with retried errors sends again. */
    Set<String> errored(String runId);

    /**
     * Stores one result on its own, atomically: a crash leaves either the whole result or nothing. A passed or failed
     * result already there is kept (the first one wins); an error there is replaced, so a retried case's new result
     * takes its place.
     */
    void save(String runId, CaseResult result);

    List<CaseResult> results(String runId);

    void setStatus(String runId, RunStatus status, String message, Instant at);

    static String key(String caseId, String target) {
        return caseId + "\u0000" + target;
    }

    /** A line of the runs list. */
    record RunSummary(String id, Instant createdAt, String suiteName, RunStatus status, List<String> targets, int cases,
                      int results, int passed) {
        public RunSummary {
            targets = List.copyOf(targets);
        }
    }
}
