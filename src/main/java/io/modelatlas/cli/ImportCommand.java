package io.modelatlas.cli;

import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.refresh.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {
        "Import a newer file of one source (litellm, modelsdev or openrouter) into the store: the file is checked, merged and",
        "recorded as a catalog version with every changed price, limit and status. A bad file changes nothing."})
final class ImportCommand implements Callable<Integer> {
    /** Larger than any real source file (LiteLLM's is 1.6 MB, models.dev's 3.6 MB) by a wide margin. */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "litellm, modelsdev or openrouter.")
    String source;

    @Parameters(index = "1", paramLabel = "FILE", description = "The source's JSON file (LiteLLM's cost map, models.dev's api.json, OpenRouter's /api/v1/models).")
    Path file;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date of the file's content (default: today).")
    LocalDate asOf;

    @Option(names = "--skip-invalid", description = "Leave out entries that fail the checks, and list each one, instead of refusing the file.")
    boolean skipInvalid;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!SourceSet.IMPORTABLE.contains(source)) {
            throw new UsageException("SOURCE must be one of " + String.join(", ", SourceSet.IMPORTABLE) + ", got '" + source + "'");
        }
        byte[] content = read(file);
        LocalDate date = asOf == null ? LocalDate.now(context.clock()) : asOf;
        ImportResult r = context.store().get().catalog().importFile(source, file.getFileName().toString(), content, date, skipInvalid,
                CliActor.name());
        r.skipped().forEach(s -> context.err().println("skipped: " + s));
        context.out().println(r.summary());
        return Main.OK;
    }

    static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UsageException(file + " is " + size + " bytes; the limit is " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
