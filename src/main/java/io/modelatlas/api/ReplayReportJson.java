package io.modelatlas.api;

import io.modelatlas.replay.LoggedCostMismatch;
import io.modelatlas.replay.Replay;
import io.modelatlas.replay.ReplayReport;
import java.math.BigDecimal;
import java.util.List;

/**
 * A replay's report: what {@code replay --format json} prints and {@code POST /api/v1/replay} returns. Money is exact
 * and unrounded; a null (absent) cost means the model's price is unknown, never $0. The {@code logged_*} fields and
 * {@code mismatched_requests} are present only when the log carries its own costs.
 */
public record ReplayReportJson(String log, String format, long requests, long skippedLines, List<String> problems, long countedFromText,
                               String recordedOn, BigDecimal monthsSpanned, boolean percentilesExact, List<ModelResultJson> models,
                               List<String> notes, BigDecimal loggedUsd, BigDecimal exactOnRecordedUsd, Long loggedCostMismatches,
                               List<MismatchJson> mismatchedRequests) {

    /**
     * One model's cost of the whole log; {@code offering} is the {@code provider/id} whose prices were used.
     * {@code per1000Usd} keeps the name it had before this record ({@code per1000_usd}): renaming it would break clients.
     */
    public record ModelResultJson(String modelId, String name, BigDecimal totalUsd, BigDecimal per1000Usd, BigDecimal monthlyUsd,
                                  BigDecimal p50Usd, BigDecimal p95Usd, BigDecimal maxUsd, long overContext, long overMaxInput,
                                  long overMaxOutput, BigDecimal savingVsRecordedUsd, String note, String offering) {
        static ModelResultJson from(Replay.ModelResult r) {
            return new ModelResultJson(r.modelId(), r.name(), r.totalUsd(), r.per1000Usd(), r.monthlyUsd(), r.p50Usd(), r.p95Usd(), r.maxUsd(),
                    r.overContext(), r.overMaxInput(), r.overMaxOutput(), r.savingVsRecordedUsd(), r.note(), r.offering());
        }
    }

    /** A request whose logged cost differs from its exact cost on the recorded model by more than 1%. */
    public record MismatchJson(long line, String requestId, String model, BigDecimal loggedUsd, BigDecimal exactUsd) {
        static MismatchJson from(LoggedCostMismatch m) {
            return new MismatchJson(m.line(), m.requestId(), m.model(), m.loggedUsd(), m.exactUsd());
        }
    }

    public static ReplayReportJson from(ReplayReport r) {
        return new ReplayReportJson(r.log(), r.format(), r.requests(), r.skippedLines(), r.problems(), r.countedFromText(), r.recordedOn(),
                r.monthsSpanned(), r.percentilesExact(), r.models().stream().map(ModelResultJson::from).toList(), r.notes(), r.loggedUsd(),
                r.exactOnRecordedUsd(), r.loggedCostMismatches(),
                r.mismatchedRequests() == null ? null : r.mismatchedRequests().stream().map(MismatchJson::from).toList());
    }
}
