package io.modelatlas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every subcommand by its name, in the order --help lists them. Add a command here to expose it. The names let a
 * run build only the command it was given: picocli reflects over every command it is handed, a fifth of a cold
 * {@code cost} (a test keeps each name equal to its command's {@code @Command} name).
 */
final class Commands {
    private static final Map<String, Function<CliContext, Object>> BY_NAME = byName();

    private Commands() {}

    private static Map<String, Function<CliContext, Object>> byName() {
        Map<String, Function<CliContext, Object>> m = new LinkedHashMap<>();
        m.put("models", ModelsCommand::new);
        m.put("show", ShowCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("cost", CostCommand::new);
        m.put("check", CheckCommand::new);
        m.put("tokens", TokensCommand::new);
        m.put("replay", ReplayCommand::new);
        m.put("eval", EvalCommand::new);
        m.put("eval-report", EvalReportCommand::new);
        m.put("discrepancies", DiscrepanciesCommand::new);
        m.put("import", ImportCommand::new);
        m.put("refresh", RefreshCommand::new);
        m.put("history", HistoryCommand::new);
        m.put("admin", AdminCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("export-site", ExportSiteCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The command names, in the order --help lists them. */
    static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    static List<Object> all(CliContext context) {
        return BY_NAME.values().stream().map(f -> f.apply(context)).toList();
    }

    /** The command of that name alone, or null when there is none by that name. */
    static Object named(String name, CliContext context) {
        Function<CliContext, Object> f = BY_NAME.get(name);
        return f == null ? null : f.apply(context);
    }
}
