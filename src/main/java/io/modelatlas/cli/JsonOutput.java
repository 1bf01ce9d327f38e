package io.modelatlas.cli;

import io.modelatlas.api.ComparisonJson;
import io.modelatlas.api.CostJson;
import io.modelatlas.api.EvalRunSummaryJson;
import io.modelatlas.api.Json;
import io.modelatlas.api.ModelJson;
import io.modelatlas.api.ModelSummaryJson;
import io.modelatlas.api.ReplayReportJson;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Comparison;
import io.modelatlas.eval.RunStore;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.Usage;
import io.modelatlas.replay.ReplayReport;
import java.util.List;

/** JSON output of the commands: the same contract as the web API. */
final class JsonOutput {
    private JsonOutput() {}

    static String comparison(Comparison c) {
        return Json.write(ComparisonJson.from(c));
    }

    static String cost(Model m, Offering o, Usage u, Cost c, Limits limits, Fit fit) {
        return Json.write(CostJson.from(m, o, u, c, limits, fit));
    }

    static String models(List<Model> shown, int total) {
        return Json.write(new ModelSummaryJson.Page(total, 0, shown.size(), shown.stream().map(ModelSummaryJson::from).toList()));
    }

    static String check(io.modelatlas.check.CheckReport report) {
        return Json.write(io.modelatlas.api.CheckJson.from(report));
    }

    static String model(Model m, Catalog catalog) {
        return Json.write(ModelJson.from(m, catalog));
    }

    static String replay(ReplayReport report) {
        return Json.write(ReplayReportJson.from(report));
    }

    static String evalRuns(List<RunStore.RunSummary> runs) {
        return Json.write(EvalRunSummaryJson.Runs.of(runs));
    }
}
