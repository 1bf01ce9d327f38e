package io.modelatlas.app;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.web.WebApp;
import io.modelatlas.web.WebContext;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Starts the web site and API and blocks until the process is stopped; stops Jetty cleanly on shutdown. */
final class Server {
    private Server() {}

    static void run(Config config, Supplier<Catalog> catalog, Clock clock, String host, int port, PrintWriter log) {
        CompletableFuture<WebContext> context = CompletableFuture.supplyAsync(() -> WebContext.of(catalog.get(), clock, config.baseUrl()));
        Javalin app = WebApp.create(context);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "shutdown"));
        app.start(host, port);
        Catalog loaded = context.join().catalog();
        log.printf("ModelAtlas serving %d models (%d offerings) on http://%s:%d%n", loaded.models().size(), loaded.offeringCount(), host, app.port());
        log.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
