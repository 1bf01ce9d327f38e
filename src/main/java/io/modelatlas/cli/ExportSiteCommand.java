package io.modelatlas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export-site", description = "Write the whole site as static files: every model page, the comparisons it links to, "
        + "the directory, sitemap and assets. A broken internal link fails the export.")
final class ExportSiteCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "DIR", description = "Target directory (created if missing); nothing is written outside it.")
    Path dir;

    @Option(names = "--max-pages", defaultValue = "100000", description = "Stop with an error past this many pages (default: ${DEFAULT-VALUE}).")
    int maxPages;

    ExportSiteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (maxPages < 1) {
            throw new UsageException("--max-pages must be positive, got " + maxPages);
        }
        context.out().println(context.export().export(dir, maxPages, context.err()));
        return Main.OK;
    }
}
