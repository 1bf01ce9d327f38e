package io.modelatlas.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.modelatlas.StoreException;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import io.modelatlas.refresh.StoreBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The web site and JSON API. {@link #create} returns an unstarted Javalin: {@code serve} starts it, tests start it
 * on port 0. This class sets up the server, holds the current catalog (and swaps it) and wires the routes, which live
 * in one class per feature ({@link ModelRoutes}, {@link CompareRoutes}, {@link CalculatorRoutes}, ...). A catalog is immutable, so rendered model, comparison and data-quality pages are cached whole (with
 * their gzip bodies and ETags) until the catalog is replaced and, once cached, answered by {@link CachedPageHandler}
 * before Javalin's pipeline.
 */
public final class WebApp {
    private static final int CACHE_LIMIT = 20_000;
    private static final int READY_WAIT_SECONDS = 20;
    private static final long STOP_TIMEOUT_MS = 20_000;
    /** How long a request in flight may stay silent once shutdown begins (Jetty's default of 1 s cuts slow uploads with a 408). */
    private static final long SHUTDOWN_IDLE_TIMEOUT_MS = 10_000;

    /**
     * One catalog and what derives from it: pages rendered from it are cached with it, so replacing the catalog
     * drops them in the same step. A page rendered from the old catalog while the new one arrives goes into the old
     * cache, which nothing reads any more: no page from a replaced catalog is served after the swap. {@code json} holds
     * the public API's answers by path and query, the same way.
     */
    record Site(WebContext ctx, PageCache pages, OnceCache<String> json, DirectoryChoices choices) {
        static Site of(WebContext ctx) {
            return new Site(ctx, new PageCache(CACHE_LIMIT), new OnceCache<>(CACHE_LIMIT), DirectoryChoices.of(ctx.catalog()));
        }

        /**
         * Answers a public API GET from this catalog's cache. The key is made of the request's validated inputs
         * (resolved model ids, parsed filters), not the query string as sent, so spellings of one request share an
         * entry and stray parameters cannot fill the cache. Rate limiting has already run in a before-handler.
         */
        void json(Context c, String key, Function<Site, String> compute) {
            c.contentType("application/json").result(json.get(key, () -> compute.apply(this)));
        }
    }

    private volatile CompletableFuture<Site> site;
    private final CompletableFuture<StoreBackend> backend;
    private final RateLimiter limiter;
    private final Templates templates = new Templates();
    private final SitePages pages = new SitePages(templates);
    private final StaticFiles staticFiles = new StaticFiles();

    private WebApp(CompletableFuture<WebContext> context, CompletableFuture<StoreBackend> backend, RateLimiter limiter) {
        this.site = context.thenApply(Site::of);
        this.backend = backend;
        this.limiter = limiter;
    }

    /** A read-only site over a fixed catalog, with no store (tests, static export). */
    public static Javalin create(WebContext ctx) {
        return new WebApp(CompletableFuture.completedFuture(ctx), null, new RateLimiter(0, java.time.Clock.systemUTC())).javalin();
    }

    /**
     * The full site over a store: price history, the data-quality page, the admin API, rate limiting of the public
     * API ({@code perMinute} requests per client address, 0 for none). When the store's catalog changes (an import
     * here or on another instance), the new catalog and an empty page cache replace the old ones in one step.
     */
    public static Javalin create(CompletableFuture<StoreBackend> backend, java.time.Clock clock, String baseUrl, int perMinute) {
        CompletableFuture<WebContext> first = backend.thenApply(b -> WebContext.of(b.catalog().catalog(), clock, baseUrl));
        WebApp app = new WebApp(first, backend, new RateLimiter(perMinute, clock));
        backend.thenAccept(b -> {
            b.catalog().onChange(catalog -> app.replace(WebContext.of(catalog, clock, baseUrl)));
            if (first.join().catalog() != b.catalog().catalog()) {
                app.replace(WebContext.of(b.catalog().catalog(), clock, baseUrl));
            }
        });
        return app.javalin();
    }

    private void replace(WebContext next) {
        site = CompletableFuture.completedFuture(Site.of(next));
    }

    private Site site() {
        return ready(site);
    }

    private WebContext ctx() {
        return site().ctx();
    }

    /** The page cache of the catalog in use, or null while the catalog is still loading (CachedPageHandler then passes). */
    private PageCache currentPages() {
        Site now = site.getNow(null);
        return now == null ? null : now.pages();
    }

    private StoreBackend backend() {
        if (backend == null) {
            throw new StoreUnavailableException();
        }
        return ready(backend);
    }

    /** Requests wait for the catalog while it loads, but not for a store that does not answer: that is a 503. */
    private static <T> T ready(CompletableFuture<T> loading) {
        try {
            return loading.get(READY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("the catalog is not loaded yet: the store has not answered for " + READY_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the catalog loads");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The store's record of past catalogs as the routes read it: empty without a store. */
    private final SiteArchive archive = new SiteArchive() {
        @Override
        public List<HistoryEntry> history(String modelId) {
            return backend == null ? List.of() : backend().catalog().history(modelId);
        }

        @Override
        public List<RecordedChange> changes(LocalDate since, int limit) {
            return backend == null ? List.of() : backend().catalog().changes(since, limit);
        }

        @Override
        public void require() {
            backend();
        }
    };

    private Javalin javalin() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // one selector thread per core: cached pages are answered on the selector thread that read the request
            // (see CachedPageHandler), so Jetty's default of one selector on two cores would leave a core idle
            var jetty = config.jetty;
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, -1, Runtime.getRuntime().availableProcessors(), new HttpConnectionFactory(http));
                connector.setHost(jetty.host); // set by start(host, port) before the connector is made
                connector.setPort(jetty.port);
                connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT_MS);
                return connector;
            });
            // cached pages are answered in front of Javalin; see CachedPageHandler
            config.jetty.modifyServer(server -> server.setHandler(new CachedPageHandler(this::currentPages)));
            // Jetty's own refusals (bad request line, headers too large) carry the security headers too
            config.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrorHandler()));
            // a known path with another method is 405 with Allow, not "no page here"
            config.http.prefer405over404 = true;
            // on stop, requests in flight finish (up to the timeout) before connections close; Jetty's default cuts them
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT_MS));
            // ... and idle kept-alive connections close at once instead of holding the stop for the idle timeout
            config.jetty.modifyServer(IdleConnections::closeOnStop);
            config.jetty.modifyServletContextHandler(handler -> handler.insertHandler(new GracefulHandler()));
            // our own two routes, not config.staticFiles: that makes Jetty open the whole jar at start-up (StaticFiles)
            staticFiles.install(config);
            config.routes.before(this::securityHeaders);
            config.routes.before(c -> QueryString.check(c.queryString()));
            config.routes.before(this::rateLimit);
            ErrorMapping.install(config, templates);
            if (backend != null) {
                new AdminApi(this::backend).install(config);
            }
            new EvalRoutes(() -> backend().evalRuns(), backend != null, this::ctx, pages).install(config);
            new ModelRoutes(this::site, pages, archive).install(config);
            new CompareRoutes(this::site, pages).install(config);
            new TokenRoutes(this::ctx).install(config);
            new CalculatorRoutes(this::site, pages).install(config);
            new SiteRoutes(this::site, pages).install(config);
            new BenchmarkRoutes(this::site, pages).install(config);
            new ChangesRoutes(this::site, pages, archive).install(config);
            new ReplayRoutes(this::ctx, templates, ReplayRoutes.DEFAULT_LIMIT).install(config);
            new CheckRoutes(this::ctx, templates, archive::history).install(config);
        });
    }

    /**
     * Pages and the public API share one allowance per client address. Pages already cached are answered by
     * {@link CachedPageHandler} before this runs and are not counted: they cost a map lookup, while a miss renders
     * (an unknown id also searches for suggestions). Bundled static files are not counted either; the admin API has
     * its own tokens.
     */
    private void rateLimit(Context c) {
        String path = c.path();
        if (limiter.enabled() && !path.startsWith("/api/v1/admin") && !path.startsWith(StaticFiles.STATIC) && !path.startsWith(StaticFiles.WEBJARS)) {
            long wait = limiter.acquire(c.ip());
            if (wait > 0) {
                throw new RateLimitedException(wait, limiter.perMinute());
            }
        }
    }

    private void securityHeaders(Context c) {
        SecurityHeaders.ALL.forEach(c::header);
    }
}
