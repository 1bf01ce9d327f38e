package io.modelatlas.cli;

import io.modelatlas.catalog.Catalog;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What commands need from the outside, handed in by the composition root. The catalog is a supplier so that
 * commands which do not need it (help, tokens) do not pay for loading it.
 */
public record CliContext(Supplier<Catalog> catalog, Clock clock, InputStream in, PrintWriter out, PrintWriter err, ServerLauncher server,
                         SiteExport export, Supplier<io.modelatlas.refresh.StoreBackend> store, EvalSupport eval,
                         io.modelatlas.refresh.UpstreamAccess upstream, io.modelatlas.replay.SpendLogQuery.Opener spendLogs) {

    /** A context that cannot read a LiteLLM proxy's database ({@code replay jdbc:...}): tests of other commands. */
    public CliContext(Supplier<Catalog> catalog, Clock clock, InputStream in, PrintWriter out, PrintWriter err, ServerLauncher server,
                      SiteExport export, Supplier<io.modelatlas.refresh.StoreBackend> store, EvalSupport eval,
                      io.modelatlas.refresh.UpstreamAccess upstream) {
        this(catalog, clock, in, out, err, server, export, store, eval, upstream, query -> {
            throw new UsageException("reading a LiteLLM proxy's database is not available here");
        });
    }

    /** A context without live fetching ({@code refresh} without {@code --from}, {@code import} of a URL). */
    public CliContext(Supplier<Catalog> catalog, Clock clock, InputStream in, PrintWriter out, PrintWriter err, ServerLauncher server,
                      SiteExport export, Supplier<io.modelatlas.refresh.StoreBackend> store, EvalSupport eval) {
        this(catalog, clock, in, out, err, server, export, store, eval, null);
    }

    /** A context without the eval command's services (tests of other commands). */
    public CliContext(Supplier<Catalog> catalog, Clock clock, InputStream in, PrintWriter out, PrintWriter err, ServerLauncher server,
                      SiteExport export, Supplier<io.modelatlas.refresh.StoreBackend> store) {
        this(catalog, clock, in, out, err, server, export, store, null);
    }

    /** Writes the whole site as static files; implemented in the app package, which owns the web server. */
    @FunctionalInterface
    public interface SiteExport {
        /** Exports into {@code dir}, reporting progress on {@code progress}; returns a one-line summary. */
        String export(java.nio.file.Path dir, int maxPages, PrintWriter progress);
    }


    /** Starts the web server; implemented in the app package so that the CLI does not depend on the web layer. */
    @FunctionalInterface
    public interface ServerLauncher {
        /** Starts serving and blocks until the server stops. */
        void serve(String host, int port);

        /**
         * Starts serving, refreshes the catalog from the live upstreams every {@code refreshEvery} in the background,
         * and blocks until the server stops. Launchers that cannot fetch (tests of other commands) refuse.
         */
        default void serve(String host, int port, java.time.Duration refreshEvery) {
            throw new UsageException("--refresh-every is not available here");
        }
    }
}
