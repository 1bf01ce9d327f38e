package io.modelatlas.api;

import io.modelatlas.eval.RunStore;
import java.time.Instant;
import java.util.List;

/**
 * A line of the stored eval runs: {@code GET /api/v1/evals} and {@code eval-report --format json} without a run id.
 * {@code status} is written as in {@link EvalRunJson} ({@code completed}, {@code interrupted}, ...); {@code results}
 * counts the stored results of all targets, {@code passed} those that passed.
 */
public record EvalRunSummaryJson(String id, Instant createdAt, String suiteName, String status, List<String> targets, int cases, int results,
                                 int passed) {

    /** The list, newest first, as both the API and the CLI wrap it. */
    public record Runs(List<EvalRunSummaryJson> runs) {
        public static Runs of(List<RunStore.RunSummary> runs) {
            return new Runs(runs.stream().map(EvalRunSummaryJson::from).toList());
        }
    }

    public static EvalRunSummaryJson from(RunStore.RunSummary s) {
        return new EvalRunSummaryJson(s.id(), s.createdAt(), s.suiteName(), s.status().label(), s.targets(), s.cases(), s.results(), s.passed());
    }
}
