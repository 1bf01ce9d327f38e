package io.modelatlas.cli;

import java.util.List;

/** Every subcommand, in the order --help lists them. Add a command here to expose it. */
final class Commands {
    private Commands() {}

    static List<Object> all(CliContext context) {
        return List.of(
                new ModelsCommand(context),
                new ShowCommand(context),
                new CompareCommand(context),
                new CostCommand(context),
                new CheckCommand(context),
                new TokensCommand(context),
                new ReplayCommand(context),
                new EvalCommand(context),
                new EvalReportCommand(context),
                new DiscrepanciesCommand(context),
                new ImportCommand(context),
                new RefreshCommand(context),
                new HistoryCommand(context),
                new AdminCommand(context),
                new ServeCommand(context),
                new ExportSiteCommand(context));
    }
}
