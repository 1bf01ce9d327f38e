package io.modelatlas.cli;

import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.fetch.FetchOutcome;
import io.modelatlas.fetch.Validators;
import io.modelatlas.refresh.ImportResult;
import io.modelatlas.refresh.Upstreams;
import java.net.URI;
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
        "Import a newer file of one source (litellm, modelsdev, openrouter or genaiprices) into the store: the file is checked, merged and",
        "recorded as a catalog version with every changed price, limit and status. A bad file changes nothing."})
final class ImportCommand implements Callable<Integer> {
    /** Larger than any real source file (LiteLLM's is 1.6 MB, models.dev's 3.6 MB) by a wide margin. */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "litellm, modelsdev, openrouter or genaiprices.")
    String source;

    // a String, not a Path: Path.of("http://host/x") would fold the "//" into "http:/host/x"
    @Parameters(index = "1", paramLabel = "FILE|URL", description = {
            "The source's JSON file (LiteLLM's cost map, models.dev's api.json, OpenRouter's /api/v1/models, genai-prices' v2 data.json), or an http(s) URL to fetch it from."})
    String file;

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
        String name;
        byte[] content;
        if (Upstreams.isUrl(file)) {
            URI url = Upstreams.url(file, "URL");
            content = fetch(url);
            name = url.toString();
        } else {
            Path path = Path.of(file);
            content = read(path);
            name = path.getFileName().toString();
        }
        LocalDate date = asOf == null ? LocalDate.now(context.clock()) : asOf;
        ImportResult r = context.store().get().catalog().importFile(source, name, content, date, skipInvalid, CliActor.name());
        r.skipped().forEach(s -> context.err().println("skipped: " + s));
        context.out().println(r.summary());
        return Main.OK;
    }

    private byte[] fetch(URI url) {
        if (context.upstream() == null) {
            throw new UsageException("fetching a URL is not available here; download the file and import it");
        }
        FetchOutcome got = context.upstream().fetcher().fetch(url, Validators.NONE);
        if (got instanceof FetchOutcome.Fetched f) {
            return f.body();
        }
        // an unconditional request cannot come back 304; anything else is the upstream's or the network's failure
        throw new FetchFailedException(source + " not imported: " + (got instanceof FetchOutcome.Failed f ? f.reason() : "no content from " + url));
    }

    /** Thrown when a URL to import could not be fetched; exit 1 (the input may be fine, the network was not). */
    static final class FetchFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FetchFailedException(String message) {
            super(message);
        }
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
