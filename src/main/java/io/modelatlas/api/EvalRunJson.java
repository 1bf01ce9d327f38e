package io.modelatlas.api;

import io.modelatlas.eval.AssertionResult;
import io.modelatlas.eval.CaseResult;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.RunReport;
import io.modelatlas.eval.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of an eval run's report ({@code eval --format json}, {@code eval-report RUN --format json} and
 * {@code /api/v1/evals/{id}}). Money is exact; times are milliseconds; keys are never part of it (targets carry only
 * the name of the variable that held the key).
 */
public record EvalRunJson(String runId, Instant createdAt, String status, String message, Suite suite, Settings settings, long monthlyVolume,
                          String baseline, List<TargetJson> targets, List<VerdictJson> verdicts, List<CaseJson> cases) {

    public record Suite(String name, String file, String sha256, int cases) {}

    public record Settings(int concurrency, int perMinute, long timeoutMs, int retries, long backoffMs, long maxWaitMs, String judgeModel) {}

    public record Percentiles(BigDecimal p50, BigDecimal p95) {}

    public record TargetJson(String name, String model, String baseUrl, String keyEnv, String pricedAs, boolean stream, int cases, int results,
                             int passed, int failed, int errored, int pending, BigDecimal passRate, Percentiles latencyMs, Percentiles ttftMs,
                             BigDecimal outputTokensPerSecondP50, long inputTokens, long outputTokens, int usageCounted, BigDecimal costUsd,
                             BigDecimal costPerCaseUsd, BigDecimal monthlyCostUsd, String costNote) {}

    public record VerdictJson(String target, String baseline, int baselinePassing, int alsoPassing, int onlyTargetPasses, BigDecimal costRatio,
                              String sentence) {}

    public record CaseJson(String id, String input, List<String> assertions, List<ResultJson> results) {}

    public record ResultJson(String target, String status, String output, String error, Long inputTokens, Long cachedInputTokens, Long outputTokens,
                             Boolean usageMeasured, BigDecimal costUsd, String costNote, BigDecimal latencyMs, BigDecimal ttftMs, Integer attempts,
                             List<AssertionJson> assertions) {}

    public record AssertionJson(String kind, String description, String outcome, String detail) {}

    public static EvalRunJson from(RunReport report) {
        EvalRun run = report.run();
        List<TargetJson> targets = report.targets().stream().map(s -> {
            Target t = s.target();
            return new TargetJson(t.name(), t.model(), t.baseUrl().toString(), t.keyEnv(), s.pricedAs(), t.stream(), s.cases(), s.results(), s.passed(),
                    s.failed(), s.errored(), s.pending(), scale(s.passRate(), 4), percentiles(s.latencyP50(), s.latencyP95()),
                    percentiles(s.ttftP50(), s.ttftP95()),
                    s.outputTokensPerSecondP50() == null ? null : BigDecimal.valueOf(s.outputTokensPerSecondP50()).setScale(1, RoundingMode.HALF_EVEN),
                    s.inputTokens(), s.outputTokens(), s.usageCounted(), s.costUsd(), s.costPerCase(), s.monthlyUsd(), s.costNote());
        }).toList();
        List<VerdictJson> verdicts = report.verdicts().stream().map(v -> new VerdictJson(v.target(), v.baseline(), v.baselinePassing(), v.alsoPassing(),
                v.onlyThisPasses(), scale(v.costRatio(), 4), v.sentence())).toList();
        List<CaseJson> cases = report.cases().stream().map(row -> new CaseJson(row.evalCase().id(), row.evalCase().input(),
                row.evalCase().assertions().stream().map(a -> a.describe()).toList(),
                row.cells().stream().map(c -> result(c.target(), c.result())).toList())).toList();
        Settings settings = new Settings(run.settings().concurrency(), run.settings().perMinute(), run.settings().timeout().toMillis(),
                run.settings().retries(), run.settings().backoff().toMillis(), run.settings().maxWait().toMillis(),
                run.judge() == null ? null : run.judge().model());
        return new EvalRunJson(run.id(), run.createdAt(), run.status().label(), run.message(),
                new Suite(run.suiteName(), run.suiteFile(), run.suiteSha256(), run.cases().size()), settings, report.monthlyVolume(),
                run.baseline().name(), targets, verdicts, cases);
    }

    private static ResultJson result(String target, CaseResult r) {
        if (r == null) {
            return new ResultJson(target, "pending", null, null, null, null, null, null, null, null, null, null, null, null);
        }
        return new ResultJson(target, r.status().label(), r.output(), r.error(), r.answered() ? r.inputTokens() : null,
                r.answered() ? r.cachedInputTokens() : null, r.answered() ? r.outputTokens() : null, r.answered() ? r.usageMeasured() : null,
                r.costUsd(), r.costNote(), millis(r.latency()), millis(r.timeToFirstToken()), r.attempts(),
                r.assertions().stream().map(EvalRunJson::assertion).toList());
    }

    private static AssertionJson assertion(AssertionResult a) {
        return new AssertionJson(a.kind(), a.description(), a.outcome().name().toLowerCase(java.util.Locale.ROOT), a.detail());
    }

    private static Percentiles percentiles(Duration p50, Duration p95) {
        return p50 == null ? null : new Percentiles(millis(p50), millis(p95));
    }

    private static BigDecimal millis(Duration d) {
        return d == null ? null : BigDecimal.valueOf(d.toNanos()).movePointLeft(6).setScale(1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scale(BigDecimal d, int scale) {
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
