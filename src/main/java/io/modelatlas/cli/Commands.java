package io.modelatlas.cli;

import java.util.List;

/**
 * Every subcommand by its name, in the order --help lists them. Add a command here to expose it. The names let a
 * run build only the command it was given: picocli reflects over every command it is handed, a fifth of a cold
 * {@code cost} (a test keeps each name equal to its command's {@code @Command} name). A switch rather than a map of
 * constructor references: resolving a reference loads its class, and a cold start would load all sixteen.
 */
final class Commands {
    private static final List<String> NAMES = List.of("models", "show", "compare", "cost", "check", "tokens", "replay", "eval",
            "eval-report", "discrepancies", "import", "refresh", "history", "admin", "serve", "export-site");

    private Commands() {}

    /** The command names, in the order --help lists them. */
    static List<String> names() {
        return NAMES;
    }

    static List<Object> all(CliContext context) {
        return NAMES.stream().map(name -> named(name, context)).toList();
    }

    /** The command of that name alone, or null when there is none by that name. */
    static Object named(String name, CliContext context) {
        switch (name) {
            case "models": return new ModelsCommand(context);
            case "show": return new ShowCommand(context);
            case "compare": return new CompareCommand(context);
            case "cost": return new CostCommand(context);
            case "check": return new CheckCommand(context);
            case "tokens": return new TokensCommand(context);
            case "replay": return new ReplayCommand(context);
            case "eval": return new EvalCommand(context);
            case "eval-report": return new EvalReportCommand(context);
            case "discrepancies": return new DiscrepanciesCommand(context);
            case "import": return new ImportCommand(context);
            case "refresh": return new RefreshCommand(context);
            case "history": return new HistoryCommand(context);
            case "admin": return new AdminCommand(context);
            case "serve": return new ServeCommand(context);
            case "export-site": return new ExportSiteCommand(context);
            default: return null;
        }
    }
}
