package io.modelatlas.cli;

import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.Comparison;
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

    CompareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Comparison comparison = new Comparer(context.catalog().get()).compareIds(models);
        switch (format) {
            case TEXT, MARKDOWN -> context.out().print(ComparisonMarkdown.render(comparison));
            case JSON -> context.out().println(JsonOutput.comparison(comparison));
            default -> throw new UsageException("--format must be text, markdown or json for compare");
        }
        return Main.OK;
    }
}
