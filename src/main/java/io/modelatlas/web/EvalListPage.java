package io.modelatlas.web;

import io.modelatlas.compare.Format;
import io.modelatlas.eval.RunStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Everything {@code eval/list.jte} prints: the stored eval runs, newest first. {@code stored} is false on a site with
 * no store (a server started without one, or a static export of the bundled catalog), which keeps no runs at all.
 */
public record EvalListPage(Meta meta, List<RunRow> runs, boolean stored) {

    /** One run in the list, formatted. */
    public record RunRow(String id, String started, String suite, String targets, String progress, String passRate, String status) {}

    static EvalListPage withoutStore(String baseUrl) {
        return new EvalListPage(meta("A/B evaluation runs of models on their own workload: this site keeps none, it has no store.", baseUrl), List.of(), false);
    }

    static EvalListPage of(List<RunStore.RunSummary> runs, String baseUrl) {
        List<RunRow> rows = runs.stream().map(r -> new RunRow(r.id(), Format.timestamp(r.createdAt()), r.suiteName(),
                String.join(" vs ", r.targets()), r.results() + " of " + (r.cases() * r.targets().size()),
                r.results() == 0 ? "–" : Format.percent(BigDecimal.valueOf(r.passed()).divide(BigDecimal.valueOf(r.results()), MathContext.DECIMAL64)),
                r.status().label())).toList();
        return new EvalListPage(meta(runs.size() + " A/B evaluation runs of models on their own workload, newest first.", baseUrl), rows, true);
    }

    private static Meta meta(String description, String baseUrl) {
        return new Meta("Evaluation runs | ModelAtlas", description, baseUrl + "/evals", null);
    }
}
