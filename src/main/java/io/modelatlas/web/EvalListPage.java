package io.modelatlas.web;

import io.modelatlas.compare.Format;
import io.modelatlas.eval.RunStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Everything {@code eval/list.jte} prints: the stored eval runs, newest first. */
public record EvalListPage(Meta meta, List<RunRow> runs) {

    /** One run in the list, formatted. */
    public record RunRow(String id, String started, String suite, String targets, String progress, String passRate, String status) {}

    static EvalListPage of(List<RunStore.RunSummary> runs, String baseUrl) {
        List<RunRow> rows = runs.stream().map(r -> new RunRow(r.id(), Format.timestamp(r.createdAt()), r.suiteName(),
                String.join(" vs ", r.targets()), r.results() + " of " + (r.cases() * r.targets().size()),
                r.results() == 0 ? "–" : Format.percent(BigDecimal.valueOf(r.passed()).divide(BigDecimal.valueOf(r.results()), MathContext.DECIMAL64)),
                r.status().label())).toList();
        return new EvalListPage(new Meta("Evaluation runs | ModelAtlas", runs.size() + " A/B evaluation runs of models on their own workload, newest first.",
                baseUrl + "/evals", null), rows);
    }
}
