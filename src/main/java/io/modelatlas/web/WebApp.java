package io.modelatlas.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.modelatlas.api.CostJson;
import io.modelatlas.api.DataQualityJson;
import io.modelatlas.api.Json;
import io.modelatlas.api.LeaderboardJson;
import io.modelatlas.api.ModelJson;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.DataQuality;
import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.LimitExceededException;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.TypeFilter;
import io.modelatlas.catalog.UnknownBenchmarkException;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Usage;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.StoreException;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import java.util.List;
import java.util.Map;
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
 * on port 0. A catalog is immutable, so rendered model, comparison and data-quality pages are cached whole (with
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
    }

    private volatile CompletableFuture<Site> site;
    private final CompletableFuture<StoreBackend> backend;
    private final RateLimiter limiter;
    private final Templates templates = new Templates();
    private final SitePages pages = new SitePages(templates);

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

    /** The price history a model page shows: none without a store. */
    private List<HistoryEntry> history(Model m) {
        return backend == null ? List.of() : backend().catalog().history(m.id());
    }

    /** The newest recorded changes, at most {@code limit}; none without a store (nothing records them there). */
    private List<RecordedChange> changes(java.time.LocalDate since, int limit) {
        return backend == null ? List.of() : backend().catalog().changes(since, limit);
    }

    private void changesPage(Context c) {
        Site s = site();
        s.pages().getOrRender("/changes", () -> {
            List<RecordedChange> newest = changes(null, ChangesPage.LIMIT + 1);
            return pages.changes(s.ctx(), newest.subList(0, Math.min(newest.size(), ChangesPage.LIMIT)), newest.size() > ChangesPage.LIMIT);
        }).respond(c);
    }

    private void changesFeed(Context c) {
        Site s = site();
        c.contentType(ChangesFeed.CONTENT_TYPE).result(s.json().get("changes.atom",
                () -> ChangesFeed.xml(s.ctx().baseUrl(), changes(null, ChangesFeed.LIMIT), s.ctx().clock().instant())));
    }

    private void apiChanges(Context c) {
        java.time.LocalDate since = Params.date(c, "since");
        long limit = Params.nonNegativeLong(c, "limit", (long) SitePages.DEFAULT_CHANGES_LIMIT);
        if (limit < 1 || limit > 1000) {
            throw new BadParameterException("limit", "query parameter 'limit' must be between 1 and 1000, got " + limit);
        }
        cachedJson(c, "changes " + since + " " + limit, s -> {
            List<RecordedChange> found = changes(since, (int) limit + 1);
            return SitePages.apiChanges(since, found.subList(0, Math.min(found.size(), (int) limit)), found.size() > limit);
        });
    }

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
            config.jetty.modifyServletContextHandler(handler -> handler.insertHandler(new GracefulHandler()));
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/static";
                s.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before(this::securityHeaders);
            config.routes.before(c -> QueryString.check(c.queryString()));
            config.routes.before(this::rateLimit);
            ErrorMapping.install(config, templates);
            if (backend != null) {
                new AdminApi(this::backend).install(config);
                new EvalRoutes(() -> backend().evalRuns(), () -> ctx().catalog(), () -> ctx().baseUrl(), templates).install(config);
            }

            config.routes.get("/", c -> directory(c));
            config.routes.get("/models", c -> directory(c));
            config.routes.get("/models/{id}", this::modelPage);
            new CompareRoutes(this::site, pages).install(config);
            new TokenRoutes(this::ctx).install(config);
            config.routes.get("/calculator", this::calculator);
            config.routes.get("/data-quality", this::dataQuality);
            config.routes.get(BenchmarksPage.PATH, this::benchmarksPage);
            config.routes.get(BenchmarksPage.PATH + "/{id}", this::benchmarkPage);
            config.routes.get("/api/v1/models/{id}/history", this::apiHistory);
            config.routes.get("/changes", this::changesPage);
            config.routes.get("/changes.atom", this::changesFeed);
            config.routes.get("/api/v1/changes", this::apiChanges);
            new ReplayRoutes(this::ctx, templates, ReplayRoutes.DEFAULT_LIMIT).install(config);
            new CheckRoutes(this::ctx, templates, id -> backend == null ? List.of() : backend().catalog().history(id)).install(config);
            config.routes.get("/sitemap.xml", this::sitemap);
            config.routes.get(Sitemap.FILES + "{file}", this::sitemapFile);
            config.routes.get("/robots.txt", c -> c.contentType("text/plain").result(Sitemap.robots(ctx())));

            config.routes.get("/api/v1/models", this::apiModels);
            config.routes.get("/api/v1/models/{id}", this::apiModel);
            config.routes.get("/api/v1/cost", this::apiCost);
            config.routes.get("/api/v1/data-quality", this::apiDataQuality);
            config.routes.get("/api/v1/benchmarks", c -> cachedJson(c, "benchmarks", s -> Json.write(LeaderboardJson.list(s.ctx().catalog().leaderboards()))));
            config.routes.get("/api/v1/benchmarks/{id}", this::apiBenchmark);
            config.routes.get(ApiDocs.PATH, c -> c.contentType("application/json").result(ApiDocs.DOCUMENT));
            config.routes.get("/api", this::apiPage);
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
        if (limiter.enabled() && !path.startsWith("/api/v1/admin") && !path.startsWith("/static/") && !path.startsWith("/webjars/")) {
            long wait = limiter.acquire(c.ip());
            if (wait > 0) {
                throw new RateLimitedException(wait, limiter.perMinute());
            }
        }
    }

    private void dataQuality(Context c) {
        Site s = site();
        s.pages().getOrRender("/data-quality", () -> pages.dataQuality(s.ctx())).respond(c);
    }

    private void benchmarksPage(Context c) {
        Site s = site();
        s.pages().getOrRender(BenchmarksPage.PATH, () -> pages.benchmarks(s.ctx())).respond(c);
    }

    private void benchmarkPage(Context c) {
        Site s = site();
        Leaderboard b = benchmark(c.pathParam("id"));
        s.pages().getOrRender(BenchmarkPage.path(b.id()), () -> pages.benchmark(s.ctx(), b)).respond(c);
    }

    private void apiPage(Context c) {
        Site s = site();
        s.pages().getOrRender("/api", () -> pages.api(s.ctx())).respond(c);
    }

    private void apiDataQuality(Context c) {
        String only = c.queryParam("model") == null ? null : model(c.queryParam("model"), "model").id();
        cachedJson(c, "data-quality " + only, s -> Json.write(DataQualityJson.of(DataQuality.of(s.ctx().catalog()), only)));
    }

    private void apiModel(Context c) {
        Model m = model(c.pathParam("id"), "id");
        cachedJson(c, "model " + m.id(), s -> Json.write(ModelJson.from(m, s.ctx().catalog())));
    }

    private void apiBenchmark(Context c) {
        Leaderboard b = benchmark(c.pathParam("id"));
        cachedJson(c, "benchmark " + b.id(), s -> Json.write(LeaderboardJson.detail(b, s.ctx().catalog())));
    }

    /** The benchmark a path names, or a 404 naming the parameter and the closest ids. */
    private Leaderboard benchmark(String id) {
        Leaderboards all = ctx().catalog().leaderboards();
        return all.benchmark(id).orElseThrow(() -> new UnknownBenchmarkException(id, all));
    }

    /**
     * Answers a public API GET from the current catalog's cache. The key is made of the request's validated inputs
     * (resolved model ids, parsed filters), not the query string as sent, so spellings of one request share an entry
     * and stray parameters cannot fill the cache. Rate limiting has already run in a before-handler.
     */
    private void cachedJson(Context c, String key, Function<Site, String> compute) {
        Site s = site();
        c.contentType("application/json").result(s.json().get(key, () -> compute.apply(s)));
    }

    private void securityHeaders(Context c) {
        SecurityHeaders.ALL.forEach(c::header);
    }

    /**
     * The model a path or query parameter names. Javalin has already percent-decoded it once; decoding again would
     * read {@code %2541} as {@code A} and fail on {@code %25zz}.
     */
    private Model model(String id, String param) {
        return ModelParam.resolve(ctx().catalog(), id, param);
    }

    private void directory(Context c) {
        ModelQuery query = query(c);
        Map<String, String> filters = DirectoryPage.filters(key -> Params.text(c, key));
        Site s = site();
        Pages.html(c, pages.directory(s.ctx(), query.apply(s.ctx().catalog()), filters, query.order(), Params.page(c), s.choices()));
    }

    private ModelQuery query(Context c) {
        try {
            String type = Params.text(c, "type");
            String capability = Params.text(c, "capability");
            String modality = Params.text(c, "modality");
            String status = Params.text(c, "status");
            String sort = Params.text(c, "sort");
            String maxPrice = Params.text(c, "max_input_price");
            ModelQuery.Order order = sort == null ? ModelQuery.Order.RELEVANCE : ModelQuery.Order.parse(sort);
            String scoredOn = Params.text(c, "scored_on");
            requireBenchmark("sort", order.benchmark());
            requireBenchmark("scored_on", scoredOn);
            Long minContext = Params.text(c, "min_context") == null ? null : Params.nonNegativeLong(c, "min_context", null);
            return new ModelQuery(Params.text(c, "q"), Params.text(c, "creator"), Params.text(c, "provider"),
                    type == null ? null : ModelQuery.parseEnum(ModelType.class, type, "type"),
                    capability == null ? null : ModelQuery.parseEnum(Capability.class, capability, "capability"),
                    modality == null ? null : ModelQuery.parseEnum(Modality.class, modality, "modality"),
                    minContext, maxPrice == null ? null : Params.nonNegativeDecimal("max_input_price", maxPrice),
                    status == null ? null : ModelQuery.parseEnum(Lifecycle.class, status, "status"),
                    scoredOn, order);
        } catch (IllegalArgumentException e) {
            // ModelQuery names the filter first in its messages ("type must be one of ...")
            throw new BadParameterException(e.getMessage().split(" ")[0], e.getMessage());
        }
    }

    private void requireBenchmark(String parameter, String id) {
        try {
            ctx().catalog().requireBenchmark(id);
        } catch (UnknownBenchmarkException e) {
            throw new BadParameterException(parameter, "query parameter '" + parameter + "': " + e.getMessage()
                    + (e.suggestions().isEmpty() ? "" : "; did you mean " + String.join(", ", e.suggestions()) + "?"));
        }
    }

    private void modelPage(Context c) {
        Model m = model(c.pathParam("id"), "id");
        String canonical = Links.model(m.id());
        if (!c.path().equals(canonical)) {
            c.redirect(canonical, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Site s = site();
        CachedPage cached = s.pages().get(canonical);
        if (cached != null) {
            cached.respond(c);
            return;
        }
        List<HistoryEntry> history;
        try {
            history = history(m);
        } catch (StoreException e) {
            // the page still serves without its history, and is not cached that way
            CachedPage.of(pages.model(s.ctx(), m, List.of())).respond(c);
            return;
        }
        s.pages().getOrRender(canonical, () -> pages.model(s.ctx(), m, history)).respond(c);
    }

    /** The calculator's {@code type}: chat unless asked, so embeddings, image and audio models stay out of its ranking. */
    private static TypeFilter calculatorType(Context c) {
        try {
            return TypeFilter.parse(Params.text(c, "type"));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("type", e.getMessage());
        }
    }

    private void calculator(Context c) {
        ServiceTier tier;
        try {
            tier = Params.text(c, "tier") == null ? ServiceTier.STANDARD : ServiceTier.parse(Params.text(c, "tier"));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("tier", e.getMessage());
        }
        long cacheHit = Params.nonNegativeLong(c, "cache_hit", 0L);
        Long tokensPerMonth = Params.text(c, "tokens_per_month") == null ? null : Params.nonNegativeLong(c, "tokens_per_month", null);
        CalculatorPage.Inputs in = new CalculatorPage.Inputs(Params.nonNegativeLong(c, "requests_per_day", SitePages.DEFAULT_REQUESTS_PER_DAY), tokensPerMonth,
                Params.nonNegativeLong(c, "input_tokens", SitePages.DEFAULT_INPUT_TOKENS), Params.nonNegativeLong(c, "output_tokens", SitePages.DEFAULT_OUTPUT_TOKENS),
                (int) Math.min(cacheHit, 1000), tier, Params.text(c, "models"), "1".equals(Params.text(c, "include_free")), calculatorType(c));
        Pages.html(c, pages.calculator(ctx(), in));
    }

    /** Worked out once per catalog: following every related comparison to the end takes a while on a large one. */
    private void sitemap(Context c) {
        Site s = site();
        c.contentType("application/xml").result(s.json().get("sitemap.xml", () -> Sitemap.of(s.ctx()).xml()));
    }

    private void sitemapFile(Context c) {
        Site s = site();
        String name = c.pathParam("file");
        // the name is checked before it becomes a cache key; "" stands for no such file
        String xml = Sitemap.isFileName(name) ? s.json().get("sitemaps/" + name, () -> Sitemap.of(s.ctx()).file(name).orElse("")) : "";
        if (xml.isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("no sitemap file " + io.modelatlas.text.Clip.clip(name, 40));
        }
        c.contentType("application/xml").result(xml);
    }

    private void apiModels(Context c) {
        ModelQuery query = query(c);
        int offset = (int) Math.min(Params.nonNegativeLong(c, "offset", 0L), Integer.MAX_VALUE);
        long limit = Params.nonNegativeLong(c, "limit", (long) SitePages.DEFAULT_API_LIMIT);
        if (limit < 1 || limit > 1000) {
            throw new BadParameterException("limit", "query parameter 'limit' must be between 1 and 1000, got " + limit);
        }
        cachedJson(c, "models " + query + " " + offset + " " + limit,
                s -> SitePages.apiModels(query.apply(s.ctx().catalog()), offset, (int) limit));
    }

    private void apiHistory(Context c) {
        Model m = model(c.pathParam("id"), "id");
        backend(); // 404 without a store
        c.contentType("application/json").result(SitePages.apiHistory(m, history(m)));
    }

    private void apiCost(Context c) {
        String id = Params.text(c, "model");
        if (id == null) {
            throw new BadParameterException("model", "query parameter 'model' is required");
        }
        Model m = model(id, "model");
        long images = ImageParams.count(c);
        Long tokensDefault = images > 0 ? 0L : null; // an image model may be priced on images alone
        long input = Params.nonNegativeLong(c, "input_tokens", tokensDefault);
        long output = Params.nonNegativeLong(c, "output_tokens", tokensDefault);
        long cached = Params.nonNegativeLong(c, "cached_input_tokens", 0L);
        long reasoning = Params.nonNegativeLong(c, "reasoning_tokens", 0L);
        if (cached > input) {
            throw new BadParameterException("cached_input_tokens", "cached_input_tokens (" + cached + ") cannot exceed input_tokens (" + input + "): input tokens include the cached ones");
        }
        if (reasoning > output) {
            throw new BadParameterException("reasoning_tokens", "reasoning_tokens (" + reasoning + ") cannot exceed output_tokens (" + output + ")");
        }
        ServiceTier tier;
        try {
            tier = Params.text(c, "tier") == null ? ServiceTier.STANDARD : ServiceTier.parse(Params.text(c, "tier"));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("tier", e.getMessage());
        }
        String provider = Params.text(c, "provider");
        Offering o = provider == null ? m.primaryOffering().orElseThrow(() -> new PriceUnknownException("no price is known for " + m.id()))
                : m.offerings().stream().filter(x -> x.provider().equalsIgnoreCase(provider) && x.priceKnown()).findFirst()
                .orElseThrow(() -> new BadParameterException("provider", "no priced offering of " + m.id() + " by provider '" + provider + "'"));
        Usage usage = new Usage(input, cached, 0, 0, output, reasoning, 0, ImageParams.counts(c, images, o, tier));
        Limits limits = Limits.of(m, o);
        Fit fit = limits.check(input, output);
        if ("1".equals(Params.text(c, "strict")) && fit.exceeds()) {
            throw new LimitExceededException(o.qualifiedId(), fit);
        }
        Cost cost = CostCalculator.price(o.prices().value(), usage, tier);
        Pages.json(c, CostJson.from(m, o, usage, cost, limits, fit));
    }


}
