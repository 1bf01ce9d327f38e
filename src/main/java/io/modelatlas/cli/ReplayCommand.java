package io.modelatlas.cli;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.TypeFilter;
import io.modelatlas.replay.LogFormat;
import io.modelatlas.replay.ReadParallelism;
import io.modelatlas.replay.ReplayReport;
import io.modelatlas.replay.SpendLogQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", description = "Price a real request log (JSONL chat requests or usage records, or CSV; LiteLLM spend logs, "
        + "OpenAI usage exports, OpenRouter activity; or a LiteLLM proxy's database) on several models.")
final class ReplayCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "LOG", description = "A log file, or a LiteLLM proxy's database (jdbc:postgresql://...), read only.")
    String log;

    @Option(names = "--log-format", defaultValue = "auto", description = "auto (from the content, the default), jsonl, csv, litellm, openai-usage or openrouter.")
    String logFormat;

    @Option(names = "--since", description = "With a jdbc: LOG: the first day or instant to read (2026-05-01 or 2026-05-01T00:00:00Z).")
    String since;

    @Option(names = "--until", description = "With a jdbc: LOG: the day or instant to stop before (exclusive).")
    String until;

    static final class Targets {
        @Option(names = "--models", split = ",", description = "Models to price the log on, comma-separated.")
        List<String> models;

        @Option(names = "--all", description = "Every priced model of the catalog of the --type (chat unless asked).")
        boolean all;
    }

    @Option(names = "--type", defaultValue = "chat", description = "With --all: chat (default), any, or a model type (completion, embedding, ...).")
    String type;

    @Option(names = "--top", description = "Show only the N cheapest models.")
    Integer top;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Targets targets;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--strict", description = "Stop at the first bad line (exit code 1) instead of skipping it.")
    boolean strict;

    @Option(names = "--threads", defaultValue = "1", description = "Read a log file of 8 MB or more in parts on up to N threads, "
            + "0 for one per core (at most 4); the report is the same. Default 1: on a shared 2-core machine the parts cost more CPU than they save.")
    int threads;

    @Option(names = "--progress", defaultValue = "auto", description = "auto (a progress bar on standard error when it is a terminal), always or never.")
    ProgressBar.Mode progress;

    ReplayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TypeFilter types = TypeFilter.parse(type);
        if (top != null && top < 1) {
            throw new UsageException("--top must be at least 1, got " + top);
        }
        Function<Catalog, List<Model>> models = c -> targets.all ? ReplayReport.pricedModels(c, types) : targets.models.stream().map(c::require).toList();
        if (threads < 0) {
            throw new UsageException("--threads must be 0 (one per core) or a number of threads, got " + threads);
        }
        LogFormat forced;
        try {
            forced = LogFormat.parse(logFormat);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--log-format: " + e.getMessage());
        }
        ReplayReport report;
        if (log.startsWith("jdbc:")) {
            report = ReplayReport.runTable("LiteLLM_SpendLogs", context.spendLogs().open(new SpendLogQuery(log, time("--since", since), time("--until", until))),
                    CompletableFuture.supplyAsync(context.catalog()), models, strict);
        } else if (since != null || until != null) {
            throw new UsageException("--since and --until filter a database's spend logs (a jdbc:postgresql: LOG), not a file");
        } else {
            report = readFile(Path.of(log), models, forced);
        }
        if (top != null) {
            report = report.top(top);
        }
        switch (format) {
            case TABLE, TEXT -> context.out().print(report.table());
            case JSON -> context.out().println(JsonOutput.replay(report));
            case CSV -> context.out().print(report.csv());
            default -> throw new UsageException("--format must be table, json or csv for replay, got " + Arrays.toString(new Object[] {format}));
        }
        return Main.OK;
    }

    private ReplayReport readStream(Path log, Function<Catalog, List<Model>> models, LogFormat forced) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return ReplayReport.run(log.toString(), in, CompletableFuture.supplyAsync(context.catalog()), models, strict, forced);
        }
    }

    /** A day (its start, UTC) or an instant; null when not given. */
    private static Instant time(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " must be a day (2026-05-01) or an instant (2026-05-01T00:00:00Z), got '" + text + "'");
        }
    }

    private ReplayReport readFile(Path log, Function<Catalog, List<Model>> models, LogFormat forced) {
        ReplayReport report;
        ProgressBar bar = null;
        try {
            if (!Files.isRegularFile(log)) {
                // a pipe or a device is read as a stream, on one thread: only a file can be cut into parts
                return readStream(log, models, forced);
            }
            if (progress.show()) {
                bar = new ProgressBar(context.err(), "reading " + log.getFileName(), Files.size(log));
            }
            // the catalog loads while the log is parsed, the file in parts with --threads (ReadParallelism)
            CompletableFuture<Catalog> catalog = CompletableFuture.supplyAsync(context.catalog());
            report = ReplayReport.runFile(log, catalog, models, strict, forced, threads == 0 ? ReadParallelism.ofThisMachine() : ReadParallelism.upTo(threads), bar == null ? null : bar::advance);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        return report;
    }
}
