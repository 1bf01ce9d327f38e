package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.api.EvalRunJson;
import io.modelatlas.api.EvalRunSummaryJson;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.Pricer;
import io.modelatlas.eval.RunReport;
import io.modelatlas.eval.RunStore;
import io.modelatlas.eval.UnknownRunException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Read-only pages and JSON of stored eval runs: {@code /evals}, {@code /evals/{id}}, {@code /api/v1/evals} and
 * {@code /api/v1/evals/{id}}. Runs are started by the operator from the CLI only: nothing here sends a request to an
 * endpoint or takes a target from a web request. The only parameter is the monthly volume of the cost projection.
 */
final class EvalRoutes {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final long MAX_VOLUME = 1_000_000_000_000L;
    private final Supplier<RunStore> runs;
    private final Supplier<Catalog> catalog;
    private final Templates templates;
    private final Supplier<String> baseUrl;

    EvalRoutes(Supplier<RunStore> runs, Supplier<Catalog> catalog, Supplier<String> baseUrl, Templates templates) {
        this.runs = runs;
        this.catalog = catalog;
        this.baseUrl = baseUrl;
        this.templates = templates;
    }

    void install(JavalinConfig config) {
        config.routes.get("/evals", c -> Pages.html(c, templates.render("eval/list.jte", "page", EvalListPage.of(runs.get().list(200), baseUrl.get()))));
        config.routes.get("/evals/{id}", c -> Pages.html(c, templates.render("eval/run.jte", "page", EvalRunPage.of(report(c), baseUrl.get()))));
        config.routes.get("/api/v1/evals", c -> Pages.json(c, EvalRunSummaryJson.Runs.of(runs.get().list(200))));
        config.routes.get("/api/v1/evals/{id}", c -> Pages.json(c, EvalRunJson.from(report(c))));
    }

    private RunReport report(Context c) {
        String id = c.pathParam("id");
        if (!RUN_ID.matcher(id).matches()) {
            throw new UnknownRunException(id.length() > 80 ? id.substring(0, 80) + "…" : id);
        }
        EvalRun run = runs.get().find(id).orElseThrow(() -> new UnknownRunException(id));
        long volume = Params.nonNegativeLong(c, "volume", run.settings().monthlyVolume());
        if (volume < 1 || volume > MAX_VOLUME) {
            throw new BadParameterException("volume", "query parameter 'volume' must be between 1 and " + MAX_VOLUME + ", got " + volume);
        }
        return RunReport.of(run, runs.get().results(id), volume, new Pricer(catalog.get()));
    }

}
