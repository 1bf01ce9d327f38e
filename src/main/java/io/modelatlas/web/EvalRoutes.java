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
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Read-only pages and JSON of stored eval runs: {@code /evals}, {@code /evals/{id}}, {@code /api/v1/evals} and
 * {@code /api/v1/evals/{id}}. Runs are started by the operator from the CLI only: nothing here sends a request to an
 * endpoint or takes a target from a web request. The only parameter is the monthly volume of the cost projection.
 * A server with no store keeps no runs: {@code /evals} (which the nav links to) says so, and the rest are 404.
 */
final class EvalRoutes {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final long MAX_VOLUME = 1_000_000_000_000L;
    /** How many runs the list shows, newest first. */
    static final int LIST_LIMIT = 200;
    private final Supplier<RunStore> runs;
    private final boolean stored;
    private final Supplier<WebContext> ctx;
    private final SitePages pages;

    /**
     * @param runs   the store's runs; throws {@link StoreUnavailableException} while the store does not answer
     * @param stored false on a server with no store
     */
    EvalRoutes(Supplier<RunStore> runs, boolean stored, Supplier<WebContext> ctx, SitePages pages) {
        this.runs = runs;
        this.stored = stored;
        this.ctx = ctx;
        this.pages = pages;
    }

    void install(JavalinConfig config) {
        config.routes.get("/evals", c -> Pages.html(c, pages.evalList(ctx.get(), stored ? runs.get().list(LIST_LIMIT) : null)));
        config.routes.get("/evals/{id}", c -> Pages.html(c, pages.evalRun(ctx.get(), report(c))));
        config.routes.get("/api/v1/evals", c -> Pages.json(c, EvalRunSummaryJson.Runs.of(runs.get().list(LIST_LIMIT))));
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
        return report(runs.get(), run, volume, ctx.get().catalog());
    }

    /** A stored run at the monthly volume it was started with, as its page shows it without a query. */
    static Optional<RunReport> report(RunStore runs, String id, Catalog catalog) {
        return runs.find(id).map(run -> report(runs, run, run.settings().monthlyVolume(), catalog));
    }

    private static RunReport report(RunStore runs, EvalRun run, long volume, Catalog catalog) {
        return RunReport.of(run, runs.results(run.id()), volume, new Pricer(catalog));
    }
}
