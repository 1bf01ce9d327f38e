package io.modelatlas.app;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.web.WebApp;
import io.modelatlas.web.WebContext;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Starts the web site and API and blocks until the process is stopped; stops Jetty cleanly on shutdown. */
final class Server {
    private Server() {}

    static void run(Config config, Catalog catalog, Clock clock, String host, int port, PrintWriter log) {
        Javalin app = WebApp.create(WebContext.of(catalog, clock, config.baseUrl()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "shutdown"));
        app.start(host, port);
        log.printf("ModelAtlas serving %d models (%d offerings) on http://%s:%d%n", catalog.models().size(), catalog.offeringCount(), host, app.port());
        log.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
