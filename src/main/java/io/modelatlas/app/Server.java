package io.modelatlas.app;

import io.modelatlas.catalog.Catalog;
import java.io.PrintWriter;
import java.time.Clock;

/** Starts the web site and API and blocks until the process is stopped. */
final class Server {
    private Server() {}

    static void run(Config config, Catalog catalog, Clock clock, String host, int port, PrintWriter log) {
        throw new IllegalStateException("the web server is not wired yet");
    }
}
