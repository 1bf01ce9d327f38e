package io.modelatlas.cli;

import io.modelatlas.api.EvalRunJson;
import io.modelatlas.api.Json;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.Pricer;
import io.modelatlas.eval.RunReport;
import io.modelatlas.eval.RunStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval-report", description = "The report of a stored eval run (table or JSON), or the list of runs when no RUN_ID is given.")
final class EvalReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "The run; leave it out to list runs.")
    String runId;

    @Option(names = "--volume", paramLabel = "REQUESTS", description = "Requests per month for the cost projection (default: the run's).")
    Long volume;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--limit", defaultValue = "50", description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    EvalReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (context.eval() == null) {
            throw new UsageException("eval is not available in this build");
        }
        if (volume != null && volume < 1) {
            throw new UsageException("--volume must be at least 1, got " + volume);
        }
        RunStore store = context.eval().runs().get();
        if (runId == null) {
            if (format == OutputFormat.JSON) {
                context.out().println(JsonOutput.evalRuns(store.list(limit)));
            } else {
                context.out().print(EvalReportText.list(store.list(limit)));
            }
            return Main.OK;
        }
        EvalRun run = store.find(runId).orElseThrow(() -> new UsageException("no eval run '" + runId + "'; list the runs with: modelatlas eval-report"));
        RunReport report = RunReport.of(run, store.results(runId), volume == null ? run.settings().monthlyVolume() : volume,
                new Pricer(context.catalog().get()));
        if (format == OutputFormat.JSON) {
            context.out().println(Json.write(EvalRunJson.from(report)));
        } else {
            context.out().print(EvalReportText.of(report));
        }
        return Main.OK;
    }
}
