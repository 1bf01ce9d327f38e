package io.modelatlas.app;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.export.SiteExporter;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.StoreException;
import io.modelatlas.web.WebApp;
import io.modelatlas.web.WebContext;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the web site and API and blocks until the process is stopped; stops Jetty, then the store, on shutdown. */
final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

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

    /**
     * Jetty starts at once while the store opens and the catalog loads beside it; requests wait for the catalog.
     * Every {@code pollSeconds} the server looks for versions another instance recorded and swaps them in.
     */
    static void run(Config config, Supplier<StoreBackend> store, Clock clock, String host, int port, PrintWriter log) {
        CompletableFuture<StoreBackend> backend = CompletableFuture.supplyAsync(() -> openUntilReachable(store, config.pollSeconds()));
        Javalin app = WebApp.create(backend, clock, config.baseUrl(), config.rateLimit());
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-poll");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            poller.shutdownNow();
            app.stop(); // completes in-flight requests first
            backend.thenAccept(b -> b.store().close());
            stopped.countDown();
        }, "shutdown"));
        app.start(host, port);
        StoreBackend loaded = backend.join();
        Catalog catalog = loaded.catalog().catalog();
        poller.scheduleWithFixedDelay(() -> poll(loaded), config.pollSeconds(), config.pollSeconds(), TimeUnit.SECONDS);
        log.printf("ModelAtlas serving %d models (%d offerings, catalog version %d, store %s) on http://%s:%d%n", catalog.models().size(),
                catalog.offeringCount(), loaded.catalog().version(), Config.redact(config.jdbcUrl()), host, app.port());
        log.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A store that is down when the server starts (PostgreSQL restarting, say) is retried until it answers; requests
     * meanwhile get 503 with Retry-After instead of a server that never came up.
     */
    private static StoreBackend openUntilReachable(Supplier<StoreBackend> store, int retrySeconds) {
        while (true) {
            try {
                return store.get();
            } catch (StoreException e) {
                LOG.warn("cannot open the store, retrying in {} s: {}", retrySeconds, e.getMessage());
                try {
                    TimeUnit.SECONDS.sleep(retrySeconds);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void poll(StoreBackend backend) {
        try {
            if (backend.catalog().reloadIfChanged()) {
                LOG.info("catalog version {} loaded from the store", backend.catalog().version());
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot check the store for catalog changes: {}", e.getMessage()); // keeps serving the catalog it has
        }
    }
}
