package io.modelatlas.cli;

import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.refresh.ImportResult;
import io.modelatlas.refresh.LiveRefresh;
import io.modelatlas.refresh.RefreshReport;
import io.modelatlas.refresh.Upstreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "refresh", description = {
        "Fetch every price source and leaderboard from its live upstream (or the copies bundled in this jar, or a directory",
        "laid out like them), check each file, refuse one that lost many models or scores or moved many prices tenfold (kept",
        "aside, exit 1), record the rest as one catalog version and print what changed. Upstream URLs: built in, overridable",
        "in $MODELATLAS_HOME/sources.toml."})
final class RefreshCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--from", paramLabel = "DIR", description = "A data directory with a sources.toml instead of the live upstreams.")
    Path from;

    @Option(names = "--bundled", description = "Re-import the copies bundled in this jar instead of the live upstreams.")
    boolean bundled;

    @Option(names = "--source", paramLabel = "NAME=URL", mapFallbackValue = "", description = {
            "Fetch only this source or leaderboard, from this URL (a mirror; a leaderboard's is the base its files are read",
            "from, e.g. https://raw.githubusercontent.com/Aider-AI/aider/main/). Repeatable."})
    Map<String, String> sources = new LinkedHashMap<>();

    @Option(names = "--accept", description = "Take fetched files that parse even when the guards would refuse them (after review).")
    boolean accept;

    RefreshCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (from != null || bundled) {
            if (from != null && bundled) {
                throw new UsageException("--from and --bundled cannot be used together");
            }
            if (!sources.isEmpty() || accept) {
                throw new UsageException("--source and --accept apply to live upstreams, not to --from or --bundled");
            }
            return fromFiles();
        }
        if (context.upstream() == null) {
            throw new UsageException("live refresh is not available here; use --from DIR or --bundled");
        }
        sources.forEach((name, url) -> {
            if (url.isEmpty()) {
                throw new UsageException("--source " + name + ": expected NAME=URL");
            }
        });
        Upstreams upstreams = sources.isEmpty() ? Upstreams.read(context.upstream().home()) : Upstreams.only(sources);
        LiveRefresh live = new LiveRefresh(context.store().get().catalog(), context.upstream().fetcher(), context.upstream().home(), context.clock());
        RefreshReport report = live.run(upstreams, accept, CliActor.name());
        RefreshReportText.print(report, context.out(), context.err());
        return report.ok() ? Main.OK : Main.FAILURE;
    }

    private int fromFiles() {
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
