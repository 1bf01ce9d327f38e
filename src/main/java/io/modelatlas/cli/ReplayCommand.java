package io.modelatlas.cli;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.replay.LogReader;
import io.modelatlas.replay.Replay;
import io.modelatlas.replay.ReplayReport;
import io.modelatlas.tokens.TokenCounters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", description = "Price a real request log (JSONL chat requests or usage records, or CSV) on several models.")
final class ReplayCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "LOG", description = "A .jsonl or .csv request log.")
    Path log;

    static final class Targets {
        @Option(names = "--models", split = ",", description = "Models to price the log on, comma-separated.")
        List<String> models;

        @Option(names = "--all", description = "Every priced chat model of the catalog.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Targets targets;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--strict", description = "Stop at the first bad line (exit code 1) instead of skipping it.")
    boolean strict;

    ReplayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Catalog catalog = context.catalog().get();
        List<Model> models = targets.all
                ? catalog.models().stream().filter(m -> m.type() == ModelType.CHAT && m.prices().isPresent()).toList()
                : targets.models.stream().map(catalog::require).toList();
        Replay replay = new Replay(models);
        LogReader reader = new LogReader(log.toString(), strict, id -> {
            Model m = id == null ? null : catalog.find(id).orElse(null);
            return TokenCounters.forModel(id == null ? "unknown" : id, m == null ? null : m.tokenizer());
        });
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            reader.read(in, replay::add);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        ReplayReport report = ReplayReport.of(log.toString(), replay, reader);
        switch (format) {
            case TABLE, TEXT -> context.out().print(report.table());
            case JSON -> context.out().println(report.json());
            case CSV -> context.out().print(report.csv());
            default -> throw new UsageException("--format must be table, json or csv for replay, got " + Arrays.toString(new Object[] {format}));
        }
        return Main.OK;
    }
}
