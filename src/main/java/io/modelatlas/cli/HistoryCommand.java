package io.modelatlas.cli;

import io.modelatlas.api.HistoryJson;
import io.modelatlas.catalog.history.DatedHistory;
import io.modelatlas.catalog.history.HistoryEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "Every value a model's prices, limits and status have held, with dates and sources; a starred date (2025-06-10*) is the provider's own, from genai-prices.")
final class HistoryCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "MODEL")
    String model;

    @Option(names = "--field", description = "Only this field (input, output, cached_input, context_window, status, ...).")
    String field;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var service = context.store().get().catalog();
        var m = service.catalog().require(model);
        String id = m.id();
        List<HistoryEntry> entries = DatedHistory.merge(m, service.history(id)).stream().filter(e -> field == null || e.key().field().equals(field)).toList();
        if (format == OutputFormat.JSON) {
            context.out().println(io.modelatlas.api.Json.write(HistoryJson.of(id, entries)));
            return Main.OK;
        }
        var out = context.out();
        out.printf("%s: %d values%n", id, entries.size());
        String last = null;
        for (HistoryEntry e : entries) {
            String where = e.key().offering().isEmpty() ? "(model)" : e.key().offering();
            if (!where.equals(last)) {
                out.println("  " + where);
                last = where;
            }
            out.printf("    %-22s %-20s %s to %-10s  [%s]%n", e.key().field(), io.modelatlas.compare.Format.historyValue(e),
                    date(e.validFrom(), e.dating().fromProvider(), "unknown"), date(e.validTo(), e.dating().toProvider(), "now"), source(e));
        }
        return Main.OK;
    }

    /** A provider's date is starred ({@code 2025-06-10*}); the legend is the source column's citation. */
    private static String date(java.time.LocalDate d, boolean providerDate, String none) {
        return d == null ? none : d + (providerDate ? "*" : "");
    }

    private static String source(HistoryEntry e) {
        boolean starred = e.validFrom() != null && e.dating().fromProvider() || e.validTo() != null && e.dating().toProvider();
        return (e.dating().citation() == null ? e.source() : e.source() + " " + e.dating().citation()) + (starred ? "; * provider's date" : "");
    }
}
