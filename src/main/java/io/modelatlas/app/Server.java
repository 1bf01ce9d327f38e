package io.modelatlas.app;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.export.SiteExporter;
import io.modelatlas.refresh.BackgroundRefresh;
import io.modelatlas.refresh.LiveRefresh;
import io.modelatlas.refresh.SourceOutcome;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.refresh.UpstreamAccess;
import io.modelatlas.refresh.Upstreams;
import io.modelatlas.StoreException;
import io.modelatlas.web.StaticSite;
import io.modelatlas.web.WebApp;
import io.modelatlas.web.WebContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

    /**
     * Renders the site straight to files on every core, without HTTP: the store's catalog and price history when a
     * store exists (as {@code serve} shows them), else the bundled catalog. StaticSite renders through the server's
     * own page code; ExportMatchesServerTest checks the files against a running server byte for byte.
     */
    static String export(Config config, Supplier<Catalog> catalog, Supplier<StoreBackend> store, Clock clock, Path dir, int maxPages, PrintWriter progress) {
        StaticSite site = config.storeExists() ? StaticSite.of(store.get(), clock, config.baseUrl())
                : StaticSite.of(WebContext.of(catalog.get(), clock, config.baseUrl()));
        long cpuBefore = processCpuNanos();
        SiteExporter.Result r = new SiteExporter(site, Runtime.getRuntime().availableProcessors(), progress).export(dir, maxPages);
        long ms = Math.max(1, r.took().toMillis());
        long cpuMs = (processCpuNanos() - cpuBefore) / 1_000_000;
        // CPU time beside wall time: on a shared machine pages/s moves with other work, CPU per page much less
        return String.format("exported %d pages and %d files (%,d bytes) to %s in %d ms (%d pages/s; %d ms CPU, %.2f ms per page); %d internal links checked",
                r.pages(), r.files(), r.bytes(), dir, ms, r.pages() * 1000L / ms, cpuMs, (double) cpuMs / Math.max(1, r.pages() + r.files()), r.linksChecked());
    }

    /** CPU time of the whole process (all threads, JIT and GC included), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * Jetty starts at once while the store opens and the catalog loads beside it; requests wait for the catalog.
     * Every {@code pollSeconds} the server looks for versions another instance recorded and swaps them in.
     */
    /** {@code serve --refresh-every}: where to fetch from and how often. */
    record Refreshing(UpstreamAccess upstream, Duration every) {}

    /** Any number: the key of the one lock that lets a single instance refresh at a time ("MAREFRSH"). */
    static final long REFRESH_LOCK = 0x4d41524546525348L;

    static void run(Config config, Supplier<OpenStore> store, Clock clock, String host, int port, Refreshing refreshing, PrintWriter log) {
        CompletableFuture<OpenStore> opened = CompletableFuture.supplyAsync(() -> openUntilReachable(store, config.pollSeconds()));
        Javalin app = WebApp.create(opened.thenApply(OpenStore::backend), clock, config.baseUrl(), config.rateLimit());
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-poll");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            poller.shutdownNow();
            app.stop(); // completes in-flight requests first
            opened.thenAccept(o -> o.store().close());
            stopped.countDown();
        }, "shutdown"));
        app.start(host, port);
        OpenStore open = opened.join();
        StoreBackend loaded = open.backend();
        Catalog catalog = loaded.catalog().catalog();
        poller.scheduleWithFixedDelay(() -> poll(loaded), config.pollSeconds(), config.pollSeconds(), TimeUnit.SECONDS);
        if (refreshing != null) {
            BackgroundRefresh background = backgroundRefresh(open, refreshing, clock);
            // on the poller's thread: a refresh and a poll never overlap, and a slow refresh delays the next one, never stacks
            poller.scheduleWithFixedDelay(() -> refresh(background), 0, refreshing.every().toSeconds(), TimeUnit.SECONDS);
            log.printf("refreshing from the live upstreams every %d min (one instance at a time when instances share PostgreSQL)%n", refreshing.every().toMinutes());
        }
        log.printf("ModelAtlas serving %d models (%d offerings, catalog version %d, store %s) on http://%s:%d%n", catalog.models().size(),
                catalog.offeringCount(), loaded.catalog().version(), Config.redact(config.jdbcUrl()), host, app.port());
        log.flush();
        if (ServeWarmUp.requested()) {
            ServeWarmUp.run(app.port());
            return; // the shutdown hook stops Jetty and closes the store as the process exits
        }
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
    private static OpenStore openUntilReachable(Supplier<OpenStore> store, int retrySeconds) {
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

    static BackgroundRefresh backgroundRefresh(OpenStore opened, Refreshing refreshing, Clock clock) {
        StoreBackend backend = opened.backend();
        LiveRefresh live = new LiveRefresh(backend.catalog(), refreshing.upstream().fetcher(), refreshing.upstream().home(), clock);
        return new BackgroundRefresh(backend.catalog(), () -> opened.store().tryExclusive(REFRESH_LOCK).map(held -> held::close),
                // sources.toml is read each round, so a moved upstream is picked up without a restart
                () -> live.run(Upstreams.read(refreshing.upstream().home()), false, BackgroundRefresh.ACTOR));
    }

    private static void refresh(BackgroundRefresh background) {
        try {
            BackgroundRefresh.Round round = background.runOnce();
            if (!round.refreshed()) {
                LOG.info("background refresh skipped: another instance is refreshing; catalog version {}", round.version());
                return;
            }
            for (SourceOutcome s : round.report().sources()) {
                if (s.ok()) {
                    LOG.info("background refresh of {}: {}: {}", s.source(), s.status().name().toLowerCase(java.util.Locale.ROOT), s.detail());
                } else {
                    LOG.warn("background refresh of {}: {}: {}{}", s.source(), s.status().name().toLowerCase(java.util.Locale.ROOT), s.detail(),
                            s.keptAs() == null ? "" : " (kept as " + s.keptAs() + ")");
                }
            }
            LOG.info("background refresh: {} changes observed; catalog version {}", round.report().changes().size(), round.version());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep the schedule
            LOG.warn("background refresh failed, the catalog stays as it is: {}", e.getMessage());
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
