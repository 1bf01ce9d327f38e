package io.modelatlas.cli;

import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.Comparison;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", description = "Compare 2 to 5 models: specs, differences, cost at volume, scenarios, benchmarks, guidance.")
final class CompareCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "2..5", paramLabel = "MODEL", description = "Model ids, provider/id or display names (2 to 5).")
    List<String> models;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--cache-hit", paramLabel = "PERCENT", description = "Percent of input tokens read from the prompt cache in the monthly costs, "
            + "0 to 100 (default: 0); offerings without a cached-input price are priced at the full input price, and say so.")
    String cacheHit;

    CompareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BigDecimal rate = cacheHitRate();
        Comparer comparer = new Comparer(context.catalog().get());
        Comparison comparison = comparer.compare(models.stream().map(context.catalog().get()::require).toList(), rate);
        switch (format) {
            case TEXT, MARKDOWN -> context.out().print(ComparisonMarkdown.render(comparison));
            case JSON -> context.out().println(JsonOutput.comparison(comparison));
            default -> throw new UsageException("--format must be text, markdown or json for compare");
        }
        return Main.OK;
    }

    /** {@code --cache-hit} as a fraction: a percentage from 0 to 100 with at most 2 decimals. */
    private BigDecimal cacheHitRate() {
        if (cacheHit == null) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal percent = cacheHit.length() > 12 ? null : new BigDecimal(cacheHit.trim());
            if (percent != null && percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0 && percent.stripTrailingZeros().scale() <= 2) {
                return percent.movePointLeft(2);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--cache-hit must be a percentage from 0 to 100 with at most 2 decimals, got '" + cacheHit + "'");
    }
}
