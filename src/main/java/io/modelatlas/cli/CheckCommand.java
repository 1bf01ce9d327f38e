package io.modelatlas.cli;

import io.modelatlas.check.ArticleChecker;
import io.modelatlas.check.CheckReport;
import io.modelatlas.check.ModelHistory;
import io.modelatlas.check.TextReport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = {"Check every figure of an article (prices, ratios, costs, limits, dates, ids) against the catalog.",
        "Exit code 0 when no claim is wrong, 1 when one is, 2 when the input cannot be read."})
final class CheckCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "FILE|URL|-", description = "A text, markdown or HTML file; an http(s) URL; or - for standard input.")
    String input;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The article's date (YYYY-MM-DD): prices are judged as the price history has them that day; newer figures without history are not held against it.")
    String asOf;

    CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LocalDate date = asOf();
        String kind = format.toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("text") && !kind.equals("json") && !kind.equals("html")) {
            throw new UsageException("--format must be text, json or html for check, not '" + format + "'");
        }
        String text = ArticleInput.read(input, context.in());
        CheckReport report = new ArticleChecker(context.catalog().get(), date == null ? ModelHistory.none() : history()).check(input, text, date);
        switch (kind) {
            case "json" -> context.out().println(JsonOutput.check(report));
            case "html" -> context.out().print(io.modelatlas.check.HtmlReport.render(report));
            default -> context.out().print(TextReport.render(report));
        }
        context.out().flush();
        return report.anyWrong() ? Main.FAILURE : Main.OK;
    }

    /**
     * The store's price history, read only for the models the article names. Without a store (none configured, or
     * it cannot open) there is no history: claims the current catalog cannot judge for that date stay unchecked.
     */
    private ModelHistory history() {
        if (context.store() == null) {
            return ModelHistory.none();
        }
        return id -> {
            try {
                return context.store().get().catalog().history(id);
            } catch (RuntimeException e) {
                return List.of();
            }
        };
    }

    private LocalDate asOf() {
        if (asOf == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of must be a date like 2024-09-30, not '" + asOf + "'");
        }
    }
}
