package io.modelatlas.replay;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.TypeFilter;
import io.modelatlas.compare.Format;
import io.modelatlas.text.Csv;
import io.modelatlas.tokens.TokenCounter;
import io.modelatlas.tokens.TokenCounters;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongConsumer;

/** The outcome of a replay: per-model results, cheapest first (unknown prices last), with what was skipped and why. */
public record ReplayReport(String log, String format, long requests, long skippedLines, List<String> problems, long countedFromText, String recordedOn,
                           BigDecimal monthsSpanned, boolean percentilesExact, List<Replay.ModelResult> models, List<String> notes,
                           BigDecimal loggedUsd, BigDecimal exactOnRecordedUsd, Long loggedCostMismatches, List<LoggedCostMismatch> mismatchedRequests) {

    /**
     * Reads a log from {@code in} and prices it on {@code targets}: what {@code modelatlas replay} and the
     * {@code /replay} page both run. Requests without usage are counted with the recording model's tokenizer.
     *
     * @param log    the log's file name: a name ending in {@code .csv} is read as CSV, anything else as JSONL
     * @param strict stop at the first bad line with a {@link BadLineException} instead of skipping it
     */
    public static ReplayReport run(String log, InputStream in, Catalog catalog, List<Model> targets, boolean strict) {
        return run(log, in, CompletableFuture.completedFuture(catalog), c -> targets, strict);
    }

    /**
     * The same while the catalog is still loading: the log is parsed meanwhile (into a bounded buffer, see
     * PendingReplay), and {@code targets} picks the models once the catalog is there.
     */
    public static ReplayReport run(String log, InputStream in, CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets,
                                   boolean strict) {
        return run(log, in, catalog, targets, strict, null);
    }

    /**
     * The same with the log's format forced ({@code --log-format}), or told from its content when {@code format} is
     * null. A log that carries its own costs is checked against the exact cost on each request's recorded model.
     */
    public static ReplayReport run(String log, InputStream in, CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets,
                                   boolean strict, LogFormat format) {
        PendingReplay pending = new PendingReplay(catalog, targets, PendingReplay.BUFFERED);
        LogReader reader = new LogReader(log, strict, tokenizerOfModel(catalog), format);
        LoggedCostCheck costs = costCheck(catalog);
        reader.read(in, r -> {
            costs.check(r, reader.line());
            pending.accept(r);
        });
        return of(log, pending.replay(), reader, costs);
    }

    /**
     * The same for a log file, read on up to {@code parallelism.threads()} threads when it is large enough: the file is
     * cut at record starts, each part read on its own, and the parts merged in file order into the report one read of
     * the whole file gives (see FileReplay). {@code progress}, when not null, is told how many bytes were read.
     */
    public static ReplayReport runFile(Path file, CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets, boolean strict,
                                       LogFormat format, ReadParallelism parallelism, LongConsumer progress) throws IOException {
        return FileReplay.run(file, catalog, targets, strict, format, parallelism, progress);
    }

    /** The tokenizer of a model a log names, for requests without measured usage (an estimate for an unknown model). */
    static Function<String, TokenCounter> tokenizerOfModel(CompletableFuture<Catalog> catalog) {
        return id -> {
            Model m = id == null ? null : PendingReplay.join(catalog).find(id).orElse(null);
            return TokenCounters.forModel(id == null ? "unknown" : id, m == null ? null : m.tokenizer());
        };
    }

    /** The check of logged costs against each request's exact cost on the model it was recorded on. */
    static LoggedCostCheck costCheck(CompletableFuture<Catalog> catalog) {
        return new LoggedCostCheck(model -> recordedModel(PendingReplay.join(catalog), model).flatMap(Model::prices));
    }

    /**
     * The same for the rows of a LiteLLM proxy's {@code LiteLLM_SpendLogs} table, read by {@code table} (the store
     * package reads the database); {@code log} is what the report calls it.
     */
    public static ReplayReport runTable(String log, SpendLogTable table, CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets,
                                        boolean strict) {
        PendingReplay pending = new PendingReplay(catalog, targets, PendingReplay.BUFFERED);
        LogReader reader = new LogReader(log, strict, id -> TokenCounters.forModel("unknown", null), LogFormat.LITELLM);
        LoggedCostCheck costs = costCheck(catalog);
        reader.readTable(table, r -> {
            costs.check(r, reader.line());
            pending.accept(r);
        });
        return of(log, pending.replay(), reader, costs);
    }

    /**
     * The catalog's model for a name as a log writes it: as it is ({@code openai/gpt-4o-mini}), else without a routing
     * prefix ({@code azure/eu/gpt-4o} as {@code gpt-4o}), else without a snapshot date ({@code gpt-4o-mini-2024-07-18}).
     */
    static java.util.Optional<Model> recordedModel(Catalog catalog, String name) {
        java.util.Optional<Model> m = catalog.find(name);
        int slash = name.lastIndexOf('/');
        if (m.isEmpty() && slash >= 0) {
            m = catalog.find(name.substring(slash + 1));
        }
        // a dated snapshot the catalog does not list apart is priced as its model (one it lists apart was found above)
        String undated = name.substring(slash + 1).replaceFirst("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$", "");
        return m.isPresent() || undated.length() == name.length() - slash - 1 ? m : catalog.find(undated);
    }

    /** Every chat model of the catalog with a known price: the targets of {@code --all}. */
    public static List<Model> pricedChatModels(Catalog catalog) {
        return pricedModels(catalog, TypeFilter.CHAT);
    }

    /** Every model of the types {@code filter} lets through with a known price: {@code --all --type T}. */
    public static List<Model> pricedModels(Catalog catalog, TypeFilter filter) {
        return catalog.models().stream().filter(m -> filter.test(m) && m.prices().isPresent()).toList();
    }

    public static ReplayReport of(String log, Replay replay, LogReader reader) {
        return of(log, replay, reader, new LoggedCostCheck(m -> java.util.Optional.empty()));
    }

    static ReplayReport of(String log, Replay replay, LogReader reader, LoggedCostCheck costs) {
        List<Replay.ModelResult> rows = new ArrayList<>(replay.results());
        rows.sort(Comparator.comparing(Replay.ModelResult::totalUsd, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Replay.ModelResult::modelId));
        List<String> notes = new ArrayList<>();
        if (reader.counted() > 0) {
            notes.add(reader.counted() + " requests had no measured usage: their tokens were counted from the text with the recording model's tokenizer; "
                    + "another model's tokenizer splits the same text differently, so its cost here is an estimate");
        } else {
            notes.add("token counts are the log's measured usage, taken as-is for every model; models with another tokenizer would count the same text differently");
        }
        if (reader.estimated() > 0) {
            notes.add(reader.estimated() + " of those were counted with an estimate, not exactly: the recording model's tokenizer is not public");
        }
        if (reader.withoutResponse() > 0) {
            notes.add(reader.withoutResponse() + " requests have no response in the log: their output tokens are unknown and counted as 0, so output cost is missing for them");
        }
        if (replay.monthsSpanned() == null) {
            notes.add("no monthly projection: the log has no timestamps spanning a period");
        }
        if (!replay.percentilesExact()) {
            notes.add("p50 / p95 / max per request are within " + percent(replay.percentileError()) + ": the log has more than "
                    + Format.count(replay.shapeCapacity()) + " distinct request sizes, so token counts were rounded to "
                    + "that precision for them; totals and overflow counts are exact");
        }
        if (replay.summedRequests() > 0) {
            notes.add(Format.count(replay.summedRequests()) + " requests come as sums (usage buckets), not one by one: per-request percentiles "
                    + "and requests over a limit cannot be known from sums, and long-context rates were chosen by each sum's mean request size");
        } else {
            notes.add("long-context rates apply per request (whole request above the threshold); standard tier");
        }
        if (replay.batchRequests() > 0) {
            List<String> listed = reader.listedBatchBuckets();
            notes.add(Format.count(replay.batchRequests()) + " requests went through the Batch API, in " + Format.count(reader.batchBuckets())
                    + (reader.batchBuckets() == 1 ? " bucket" : " buckets") + " priced at each model's batch tier: " + String.join("; ", listed)
                    + (reader.batchBuckets() > listed.size() ? "; and " + Format.count(reader.batchBuckets() - listed.size()) + " more" : ""));
            List<String> standard = replay.withoutBatchPrice();
            if (!standard.isEmpty()) {
                notes.add("warning: no batch price is known for " + standard.size() + " of the models (" + String.join(", ", standard.subList(0, Math.min(10, standard.size())))
                        + (standard.size() > 10 ? ", ..." : "") + "): their batch requests are priced at standard rates, so their cost is overstated by the batch discount");
            }
        }
        if (!costs.any()) {
            return new ReplayReport(log, reader.format().flag(), replay.requests(), reader.skipped(), reader.problems(), reader.counted(),
                    replay.recordedOn(), replay.monthsSpanned(), replay.percentilesExact(), rows, notes, null, null, null, null);
        }
        notes.add("logged cost: " + Format.count(costs.compared()) + " of " + Format.count(costs.withCost())
                + " requests with a logged cost were compared with their exact cost on the recorded model; "
                + Format.count(costs.mismatches()) + " differ by more than 1%");
        if (costs.compared() < costs.withCost()) {
            notes.add(Format.count(costs.withCost() - costs.compared()) + " requests with a logged cost were recorded on a model without a known price: "
                    + "their " + Format.usdCents(costs.loggedUsd().subtract(costs.comparedLoggedUsd())) + " is in logged_usd but has no exact counterpart");
        }
        return new ReplayReport(log, reader.format().flag(), replay.requests(), reader.skipped(), reader.problems(), reader.counted(), replay.recordedOn(),
                replay.monthsSpanned(), replay.percentilesExact(), rows, notes, costs.loggedUsd(), costs.exactUsd(), costs.mismatches(), costs.listed());
    }

    /**
     * The report with only the {@code n} cheapest models (unknown prices last, as sorted), and a note saying how many
     * were priced: {@code replay --all --top N}. The totals and the saving column are those of the full replay.
     */
    public ReplayReport top(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + n);
        }
        if (models.size() <= n) {
            return this;
        }
        List<String> more = new ArrayList<>(notes);
        more.add("the " + Format.count(n) + " cheapest of " + Format.count(models.size()) + " models priced are shown");
        return new ReplayReport(log, format, requests, skippedLines, problems, countedFromText, recordedOn, monthsSpanned, percentilesExact,
                models.subList(0, n), more, loggedUsd, exactOnRecordedUsd, loggedCostMismatches, mismatchedRequests);
    }

    /** 0.0009765625 as "0.1%", 0.0078125 as "0.8%": the bound, rounded up so it stays a bound. */
    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.CEILING).stripTrailingZeros().toPlainString() + "%";
    }

    public String csv() {
        StringBuilder out = new StringBuilder("model,total_usd,per_1000_usd,monthly_usd,p50_usd,p95_usd,max_usd,over_context,over_max_output,saving_vs_recorded_usd,note\n");
        for (Replay.ModelResult r : models) {
            out.append(Csv.text(r.modelId())).append(',').append(plain(r.totalUsd())).append(',').append(plain(r.per1000Usd())).append(',')
                    .append(plain(r.monthlyUsd())).append(',').append(plain(r.p50Usd())).append(',').append(plain(r.p95Usd())).append(',')
                    .append(plain(r.maxUsd())).append(',').append(r.overContext()).append(',').append(r.overMaxOutput()).append(',')
                    .append(plain(r.savingVsRecordedUsd())).append(',').append(r.note() == null ? "" : Csv.text(r.note())).append('\n');
        }
        return out.toString();
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        // our own shapes need no naming; another tool's export says which the log was read as
        boolean ours = LogFormat.JSONL.flag().equals(format) || LogFormat.CSV.flag().equals(format);
        out.append(String.format("%s%s: %s requests%s%s%n", log, ours ? "" : " (" + format + " export)", Format.count(requests), recordedOn == null ? "" : ", recorded on " + recordedOn,
                monthsSpanned == null ? "" : ", spanning " + monthsSpanned.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " months"));
        out.append(String.format("%-30s %14s %12s %14s %11s %11s %11s %8s %8s %8s %14s%n", "MODEL", "TOTAL", "PER 1K REQ", "PER MONTH", "P50", "P95", "MAX",
                ">CTX", ">IN", ">OUT", "SAVING"));
        for (Replay.ModelResult r : models) {
            out.append(String.format("%-30s %14s %12s %14s %11s %11s %11s %8d %8d %8d %14s%n", r.modelId().length() > 30 ? r.modelId().substring(0, 29) + "…" : r.modelId(),
                    money(r.totalUsd(), r.note()), cents(r.per1000Usd()), cents(r.monthlyUsd()), small(r.p50Usd()), small(r.p95Usd()), small(r.maxUsd()),
                    r.overContext(), r.overMaxInput(), r.overMaxOutput(), cents(r.savingVsRecordedUsd())));
        }
        if (loggedUsd != null) {
            out.append(String.format("logged cost %s, exact on the recorded models %s; %d requests differ by more than 1%%%n",
                    Format.usdCents(loggedUsd), Format.usdCents(exactOnRecordedUsd), loggedCostMismatches));
            mismatchedRequests.forEach(m -> out.append("  line ").append(m.line()).append(m.requestId() == null ? "" : " (" + m.requestId() + ")")
                    .append(" on ").append(m.model()).append(": logged ").append(Format.usd(m.loggedUsd())).append(", exact ")
                    .append(Format.usd(m.exactUsd())).append('\n'));
        }
        if (skippedLines > 0) {
            out.append(skippedLines).append(" lines skipped:\n");
            problems.forEach(p -> out.append("  ").append(p).append('\n'));
        }
        notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        return out.toString();
    }

    private static String money(BigDecimal v, String note) {
        return v == null ? (note == null ? "unknown" : "price unknown") : Format.usdCents(v);
    }

    private static String cents(BigDecimal v) {
        return v == null ? "—" : Format.usdCents(v);
    }

    private static String small(BigDecimal v) {
        return v == null ? "—" : Format.usd(v);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
