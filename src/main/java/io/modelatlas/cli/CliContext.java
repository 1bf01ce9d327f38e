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
public record CliContext(Supplier<Catalog> catalog, Clock clock, InputStream in, PrintWriter out, PrintWriter err, ServerLauncher server) {

    /** Starts the web server; implemented in the app package so that the CLI does not depend on the web layer. */
    @FunctionalInterface
    public interface ServerLauncher {
        /** Starts serving and blocks until the server stops. */
        void serve(String host, int port);
    }
}
