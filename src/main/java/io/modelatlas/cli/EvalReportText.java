package io.modelatlas.cli;

import io.modelatlas.compare.Format;
import io.modelatlas.eval.AssertionResult;
import io.modelatlas.eval.CaseResult;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.RunReport;
import io.modelatlas.eval.RunStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The eval report as a terminal table: one line per target, the verdicts, then the cases where the targets differ. */
final class EvalReportText {
    private EvalReportText() {}

    static String of(RunReport report) {
        EvalRun run = report.run();
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(run.id()).append(": suite ").append(run.suiteName()).append(", ").append(run.cases().size())
                .append(run.cases().size() == 1 ? " case" : " cases").append(", ").append(run.status().label());
        if (run.message() != null) {
            out.append(" (").append(run.message()).append(')');
        }
        out.append('\n');
        out.append("Baseline: ").append(run.baseline().name()).append(". Monthly cost at ").append(Format.count(report.monthlyVolume()))
                .append(" requests a month.\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"target", "model", "passed", "rate", "p50 latency", "p95 latency", "p50 TTFT", "tok/s", "tokens in/out", "cost/case", "monthly"});
        for (RunReport.TargetStats s : report.targets()) {
            rows.add(new String[] {s.target().name(), s.target().model(), s.passed() + "/" + s.cases() + (s.pending() > 0 ? " (" + s.pending() + " pending)" : ""),
                    s.passRate() == null ? "-" : Format.percent(s.passRate()), seconds(s.latencyP50()), seconds(s.latencyP95()), seconds(s.ttftP50()),
                    s.outputTokensPerSecondP50() == null ? "-" : String.format(Locale.ROOT, "%.0f", s.outputTokensPerSecondP50()),
                    Format.count(s.inputTokens()) + " / " + Format.count(s.outputTokens()) + (s.usageCounted() > 0 ? "*" : ""),
                    s.costPerCase() == null ? "unknown" : Format.usd(s.costPerCase()), s.monthlyUsd() == null ? "unknown" : Format.usdCents(s.monthlyUsd())});
        }
        table(out, rows);
        if (report.targets().stream().anyMatch(s -> s.usageCounted() > 0)) {
            out.append("* some answers came without usage; their tokens were counted with the model's tokenizer\n");
        }
        for (RunReport.TargetStats s : report.targets()) {
            if (s.costNote() != null) {
                out.append("cost of ").append(s.target().name()).append(": ").append(s.costNote()).append('\n');
            }
        }
        out.append('\n');
        for (RunReport.Verdict v : report.verdicts()) {
            out.append(v.sentence()).append('\n');
        }
        List<RunReport.CaseRow> differing = report.cases().stream().filter(RunReport.CaseRow::differs).toList();
        if (!differing.isEmpty()) {
            out.append("\nCases where the targets differ (").append(differing.size()).append("):\n");
            for (RunReport.CaseRow row : differing) {
                out.append("  ").append(row.evalCase().id()).append('\n');
                for (RunReport.Cell cell : row.cells()) {
                    out.append("    ").append(cell.target()).append(": ").append(describe(cell.result())).append('\n');
                }
            }
        }
        return out.toString();
    }

    static String list(List<RunStore.RunSummary> runs) {
        if (runs.isEmpty()) {
            return "No eval runs yet: start one with 'modelatlas eval SUITE --target name=MODEL@BASE_URL'.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "started", "suite", "targets", "results", "passed", "status"});
        for (RunStore.RunSummary r : runs) {
            rows.add(new String[] {r.id(), r.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), r.suiteName(), String.join(", ", r.targets()),
                    r.results() + "/" + (r.cases() * r.targets().size()), Integer.toString(r.passed()), r.status().label()});
        }
        StringBuilder out = new StringBuilder();
        table(out, rows);
        return out.toString();
    }

    private static String describe(CaseResult r) {
        if (r == null) {
            return "pending";
        }
        if (r.error() != null) {
            return r.status().label() + ": " + r.error();
        }
        List<String> failed = r.assertions().stream().filter(a -> a.outcome() != AssertionResult.Outcome.PASS)
                .map(a -> a.description() + (a.detail() == null ? "" : " (" + a.detail() + ")")).toList();
        return r.status().label() + (failed.isEmpty() ? "" : ": " + String.join("; ", failed));
    }

    private static String seconds(Duration d) {
        if (d == null) {
            return "-";
        }
        return Format.number(BigDecimal.valueOf(d.toMillis()).movePointLeft(3).setScale(2, java.math.RoundingMode.HALF_EVEN)) + " s";
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
