package io.modelatlas.cli;

import io.modelatlas.catalog.DataQuality;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "discrepancies", description = "Where sources disagree, which models have no known price, and contradicting limits.")
final class DiscrepanciesCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--model", description = "Only this model.")
    String model;

    @Option(names = "--limit", defaultValue = "200", description = "At most this many rows per section (default: ${DEFAULT-VALUE}); 0 for all.")
    int limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}); json has every row.")
    OutputFormat format;

    DiscrepanciesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var catalog = context.catalog().get();
        String only = model == null ? null : catalog.require(model).id();
        DataQuality q = DataQuality.of(catalog);
        if (format == OutputFormat.JSON) {
            context.out().println(io.modelatlas.api.Json.write(io.modelatlas.api.DataQualityJson.of(q, only)));
            return Main.OK;
        }
        var out = context.out();
        var disagreements = q.disagreements().stream().filter(d -> only == null || d.modelId().equals(only)).toList();
        out.printf("Fields where sources disagree: %d%n", disagreements.size());
        disagreements.stream().limit(limit > 0 ? limit : Long.MAX_VALUE).forEach(d -> {
            out.printf("  %s %s%n", d.modelId(), d.field());
            d.values().forEach(v -> out.printf("    %s %-40s [%s]%n", v.shown() ? "*" : " ", v.value(), v.source().describe()));
        });
        var unpriced = q.unpricedModelIds().stream().filter(id -> only == null || id.equals(only)).toList();
        out.printf("Models with no known price: %d%n", unpriced.size());
        unpriced.stream().limit(limit > 0 ? limit : Long.MAX_VALUE).forEach(id -> out.println("  " + id));
        var contradictions = q.contradictions().stream().filter(c -> only == null || c.modelId().equals(only)).toList();
        out.printf("Contradicting limits: %d%n", contradictions.size());
        contradictions.stream().limit(limit > 0 ? limit : Long.MAX_VALUE).forEach(c -> out.printf("  %s: %s%n", c.modelId(), c.description()));
        var flags = q.priceFlags().stream().filter(f -> only == null || f.modelId().equals(only)).toList();
        out.printf("Offering prices not used: %d%n", flags.size());
        flags.stream().limit(limit > 0 ? limit : Long.MAX_VALUE).forEach(f -> out.printf("  %s, %s: %s%n", f.modelId(), f.offering(), f.description()));
        out.println("(* = the value shown, chosen by the source precedence rule)");
        return Main.OK;
    }
}
