package io.modelatlas.app;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.export.SiteExporter;
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

    /** Serves the site on a loopback port only while the exporter crawls it, so the files are exactly what it serves. */
    static String export(Config config, Supplier<Catalog> catalog, Clock clock, java.nio.file.Path dir, int maxPages, PrintWriter progress) {
        Javalin app = WebApp.create(WebContext.of(catalog.get(), clock, config.baseUrl())).start("127.0.0.1", 0);
        try {
            SiteExporter.Result r = new SiteExporter(java.net.URI.create("http://127.0.0.1:" + app.port()), progress).export(dir, maxPages);
            long ms = Math.max(1, r.took().toMillis());
            return String.format("exported %d pages and %d files (%,d bytes) to %s in %d ms (%d pages/s); %d internal links checked",
                    r.pages(), r.files(), r.bytes(), dir, ms, r.pages() * 1000L / ms, r.linksChecked());
        } finally {
            app.stop();
        }
    }

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
