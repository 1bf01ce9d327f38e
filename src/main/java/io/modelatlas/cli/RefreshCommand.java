package io.modelatlas.cli;

import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.refresh.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "refresh", description = {
        "Import every source again: the copies bundled in this jar, or a directory laid out like them (sources.toml and its",
        "files). Sources whose file is unchanged are left alone; the rest are recorded as one catalog version."})
final class RefreshCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--from", paramLabel = "DIR", description = "A data directory with a sources.toml (default: the bundled data).")
    Path from;

    RefreshCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (from != null && !Files.isRegularFile(from.resolve("sources.toml"))) {
            throw new UsageException(from + " has no sources.toml; a data directory lists its files and dates there");
        }
        SourceSet set = from == null ? SourceSet.bundled() : SourceSet.directory(from);
        ImportResult r = context.store().get().catalog().refresh(set, CliActor.name());
        r.skipped().forEach(s -> context.err().println("skipped: " + s));
        context.out().println(r.summary());
        return Main.OK;
    }
}
