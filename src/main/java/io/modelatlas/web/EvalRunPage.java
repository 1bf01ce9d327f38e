package io.modelatlas.web;

import io.modelatlas.compare.Format;
import io.modelatlas.eval.AssertionResult;
import io.modelatlas.eval.CaseResult;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.RunReport;
import io.modelatlas.eval.WordDiff;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@code eval/run.jte} prints for one run: the verdicts, a line per target, and each case's answers side by
 * side with the words that differ from the baseline's answer marked. Numbers are formatted here, once.
 */
public record EvalRunPage(Meta meta, String runId, String suite, String status, String message, String started, String baseline, long volume,
                          String volumeText, List<String> verdicts, List<TargetRow> targets, List<String> notes, List<CaseView> cases, int differing,
                          String jsonPath) {

    public record TargetRow(String name, String model, String baseUrl, String passed, String passRate, String latencyP50, String latencyP95,
                            String ttftP50, String ttftP95, String speed, String tokens, String costPerCase, String monthly) {}

    public record CaseView(String id, String anchor, String input, List<String> assertions, boolean differs, List<CellView> cells) {}

    /** One answer: its status, the text in segments (changed ones marked), failed checks, and a line of figures. */
    public record CellView(String target, boolean baseline, String status, List<WordDiff.Segment> segments, String error, List<String> failures,
                           String figures, boolean compared) {}

    static EvalRunPage of(RunReport report, String baseUrl) {
        EvalRun run = report.run();
        List<TargetRow> targets = report.targets().stream().map(s -> new TargetRow(s.target().name(), s.target().model(), s.target().baseUrl().toString(),
                s.passed() + " of " + s.cases() + (s.pending() > 0 ? " (" + s.pending() + " pending)" : ""),
                s.passRate() == null ? "–" : Format.percent(s.passRate()), seconds(s.latencyP50()), seconds(s.latencyP95()),
                seconds(s.ttftP50()), seconds(s.ttftP95()),
                s.outputTokensPerSecondP50() == null ? "–" : String.format(Locale.ROOT, "%.0f", s.outputTokensPerSecondP50()),
                Format.count(s.inputTokens()) + " / " + Format.count(s.outputTokens()) + (s.usageCounted() > 0 ? " *" : ""),
                s.costPerCase() == null ? "unknown" : Format.usd(s.costPerCase()),
                s.monthlyUsd() == null ? "unknown" : Format.usdCents(s.monthlyUsd()))).toList();
        List<String> notes = new java.util.ArrayList<>();
        if (report.targets().stream().anyMatch(s -> s.usageCounted() > 0)) {
            notes.add("* Some answers came without usage from the endpoint; their tokens were counted with the model's tokenizer.");
        }
        report.targets().stream().filter(s -> s.costNote() != null).forEach(s -> notes.add("Cost of " + s.target().name() + ": " + s.costNote() + "."));
        List<CaseView> cases = report.cases().stream().map(row -> {
            return new CaseView(row.evalCase().id(), "case-" + row.evalCase().id().replaceAll("[^A-Za-z0-9_-]", "-"), row.evalCase().input(),
                    row.evalCase().assertions().stream().map(a -> a.describe()).toList(), row.differs(),
                    row.cells().stream().map(EvalRunPage::cell).toList());
        }).toList();
        int differing = (int) cases.stream().filter(CaseView::differs).count();
        String title = "Eval " + run.id() + ": " + run.suiteName();
        String description = report.verdicts().isEmpty() ? run.cases().size() + " cases on " + run.targets().get(0).name() + "."
                : report.verdicts().get(0).sentence();
        return new EvalRunPage(new Meta(title + " | ModelAtlas", description, baseUrl + "/evals/" + run.id(), null), run.id(), run.suiteName(),
                run.status().label(), run.message(), Format.timestamp(run.createdAt()), run.baseline().name(),
                report.monthlyVolume(), Format.count(report.monthlyVolume()), report.verdicts().stream().map(RunReport.Verdict::sentence).toList(),
                targets, notes, cases, differing, "/api/v1/evals/" + run.id());
    }

    private static CellView cell(RunReport.Cell c) {
        CaseResult r = c.result();
        if (r == null) {
            return new CellView(c.target(), c.baseline(), "pending", List.of(), null, List.of(), "not run yet", true);
        }
        List<String> failures = r.assertions().stream().filter(a -> a.outcome() != AssertionResult.Outcome.PASS)
                .map(a -> (a.outcome() == AssertionResult.Outcome.ERROR ? "could not check: " : "") + a.description() + (a.detail() == null ? "" : " — " + a.detail()))
                .toList();
        StringBuilder figures = new StringBuilder();
        if (r.latency() != null) {
            figures.append(seconds(r.latency()));
            if (r.timeToFirstToken() != null) {
                figures.append(", first token ").append(seconds(r.timeToFirstToken()));
            }
        }
        if (r.answered()) {
            figures.append(figures.length() > 0 ? ", " : "").append(Format.count(r.inputTokens())).append(" in / ").append(Format.count(r.outputTokens())).append(" out");
            figures.append(", ").append(r.costUsd() == null ? "cost unknown" : Format.usd(r.costUsd()));
        }
        if (r.attempts() > 1) {
            figures.append(figures.length() > 0 ? ", " : "").append(r.attempts()).append(" attempts");
        }
        List<WordDiff.Segment> segments = c.segments() == null ? (r.answered() ? WordDiff.plain(r.output()) : List.of()) : c.segments();
        return new CellView(c.target(), c.baseline(), r.status().label(), segments, r.error(), failures, figures.toString(), c.segments() != null);
    }

    private static String seconds(Duration d) {
        if (d == null) {
            return "–";
        }
        return Format.number(BigDecimal.valueOf(d.toMillis()).movePointLeft(3).setScale(2, RoundingMode.HALF_EVEN)) + " s";
    }
}
