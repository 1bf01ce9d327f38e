package io.modelatlas.web;

import io.modelatlas.compare.Format;
import io.modelatlas.replay.Replay;
import io.modelatlas.replay.ReplayReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request-log replay page: the upload form and, after an upload, the report {@code modelatlas replay} prints
 * (the same columns, notes and skipped lines), the cheapest {@link #SHOWN} models in the table and 15 in the chart.
 */
public record ReplayPage(Meta meta, String limit, String models, Report report) {
    public static final int SHOWN = 100;

    /** A replay's results, formatted as the CLI's table formats them. */
    public record Report(String log, String summary, List<Row> rows, int hidden, long skippedLines, List<String> problems, List<String> notes,
                         String chartJson) {}

    /** One model's row. */
    public record Row(String id, String name, String total, String per1000, String perMonth, String p50, String p95, String max,
                      long overContext, long overMaxOutput, String saving, String note) {}

    static ReplayPage form(WebContext ctx, long limitBytes) {
        return new ReplayPage(meta(ctx), megabytes(limitBytes), null, null);
    }

    static ReplayPage of(WebContext ctx, long limitBytes, String models, ReplayReport r) {
        List<Row> rows = r.models().stream().limit(SHOWN).map(m -> new Row(m.modelId(), m.name(), m.totalUsd() == null ? "price unknown" : Format.usdCents(m.totalUsd()),
                cents(m.per1000Usd()), cents(m.monthlyUsd()), small(m.p50Usd()), small(m.p95Usd()), small(m.maxUsd()), m.overContext(), m.overMaxOutput(),
                cents(m.savingVsRecordedUsd()), m.totalUsd() == null ? m.note() : null)).toList();
        List<Replay.ModelResult> priced = r.models().stream().filter(m -> m.totalUsd() != null).limit(15).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", priced.stream().map(Replay.ModelResult::modelId).toList());
        chart.put("totals", priced.stream().map(Replay.ModelResult::totalUsd).toList());
        String summary = Format.count(r.requests()) + " requests" + (r.recordedOn() == null ? "" : ", recorded on " + r.recordedOn())
                + (r.monthsSpanned() == null ? "" : ", spanning " + r.monthsSpanned().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " months");
        Report report = new Report(r.log(), summary, rows, Math.max(0, r.models().size() - SHOWN), r.skippedLines(), r.problems(), r.notes(),
                PageJson.write(chart));
        return new ReplayPage(meta(ctx), megabytes(limitBytes), models, report);
    }

    private static Meta meta(WebContext ctx) {
        return new Meta("Replay a request log on other models | ModelAtlas",
                "Upload a log of real requests (JSONL chat requests, JSONL usage records or CSV) and see what the same traffic costs on other models.",
                ctx.baseUrl() + "/replay", null);
    }

    /** 52428800 as "50 MB", 4096 as "4 KB" (binary units, as file managers show sizes). */
    static String megabytes(long bytes) {
        boolean mb = bytes >= 1024 * 1024;
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(mb ? 1024 * 1024 : 1024), 1, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                + (mb ? " MB" : " KB");
    }

    private static String cents(BigDecimal v) {
        return v == null ? "—" : Format.usdCents(v);
    }

    private static String small(BigDecimal v) {
        return v == null ? "—" : Format.usd(v);
    }
}
