package io.modelatlas.web;

import io.modelatlas.api.EvalRunJson;
import io.modelatlas.api.Json;
import io.modelatlas.api.LeaderboardJson;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import io.modelatlas.compare.ComparisonPaths;
import io.modelatlas.export.SiteSource;
import io.modelatlas.refresh.StoreBackend;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The site's pages rendered straight from the catalog, without HTTP, for {@code export-site}: what the server
 * answers with a 200 for a GET of a path without a query. Pages are rendered by the server's own {@link SitePages}
 * with the server's defaults; paths the server would redirect (non-canonical forms) or answer with an error have no
 * page here, so a static copy never links to them. ExportMatchesServerTest checks every exported file against a
 * running server, byte for byte.
 *
 * <p>Thread-safe: pages are rendered from the immutable catalog, so an export renders in parallel.
 */
public final class StaticSite implements SiteSource {
    /** The server's bundled files, read the way it reads them (kept once read: they are the same for every export). */
    private static final StaticFiles BUNDLED = new StaticFiles();

    private final WebContext ctx;
    private final StoreBackend store;
    private final SitePages pages = new SitePages(new Templates());
    private final DirectoryChoices choices;
    private volatile Sitemap sitemap;

    private StaticSite(WebContext ctx, StoreBackend store) {
        this.ctx = ctx;
        this.store = store;
        this.choices = DirectoryChoices.of(ctx.catalog());
    }

    /** The site over a fixed catalog with no store, as {@code WebApp.create(ctx)} serves it: no price history. */
    public static StaticSite of(WebContext ctx) {
        return new StaticSite(ctx, null);
    }

    /** The site over a store's catalog and price history, as {@code serve} shows it. */
    public static StaticSite of(StoreBackend store, Clock clock, String baseUrl) {
        return new StaticSite(WebContext.of(store.catalog().catalog(), clock, baseUrl), store);
    }

    /** What the server answers for a GET of {@code path} (raw, without query), or empty when that is not a 200. */
    @Override
    public Optional<Resource> get(String path) {
        if (path.equals("/") || path.equals("/models")) {
            return html(pages.directory(ctx, ModelQuery.all().apply(ctx.catalog()), choices));
        }
        if (path.equals("/calculator")) {
            return html(pages.calculator(ctx, SitePages.defaultCalculatorInputs()));
        }
        if (path.equals("/compare")) {
            return html(pages.compareBuilder(ctx, CompareRoutes.emptyBuilder(ctx)));
        }
        if (path.equals("/check")) {
            return html(pages.checkForm(ctx));
        }
        if (path.equals("/replay")) {
            return html(pages.replayForm(ctx));
        }
        if (path.equals("/evals")) {
            return html(pages.evalList(ctx, store == null ? null : store.evalRuns().list(EvalRoutes.LIST_LIMIT)));
        }
        if (path.startsWith("/evals/") && store != null) {
            return EvalRoutes.report(store.evalRuns(), path.substring("/evals/".length()), ctx.catalog()).flatMap(r -> html(pages.evalRun(ctx, r)));
        }
        if (path.startsWith("/api/v1/evals/") && store != null) {
            return EvalRoutes.report(store.evalRuns(), path.substring("/api/v1/evals/".length()), ctx.catalog())
                    .flatMap(r -> text("application/json", Json.write(EvalRunJson.from(r))));
        }
        if (path.equals("/data-quality")) {
            return html(pages.dataQuality(ctx));
        }
        if (path.equals(BenchmarksPage.PATH)) {
            return html(pages.benchmarks(ctx));
        }
        if (path.startsWith(BenchmarksPage.PATH + "/")) {
            return ctx.catalog().leaderboards().benchmark(path.substring(BenchmarksPage.PATH.length() + 1))
                    .flatMap(b -> html(pages.benchmark(ctx, b)));
        }
        if (path.equals("/api/v1/benchmarks")) {
            return text("application/json", Json.write(LeaderboardJson.list(ctx.catalog().leaderboards())));
        }
        if (path.startsWith("/api/v1/benchmarks/")) {
            return ctx.catalog().leaderboards().benchmark(path.substring("/api/v1/benchmarks/".length()))
                    .flatMap(b -> text("application/json", Json.write(LeaderboardJson.detail(b, ctx.catalog()))));
        }
        if (path.equals("/api")) {
            return html(pages.api(ctx));
        }
        if (path.equals(ApiDocs.PATH)) {
            return Optional.of(new Resource("application/json;charset=utf-8", ApiDocs.DOCUMENT));
        }
        if (path.equals("/sitemap.xml")) {
            return text("application/xml", sitemap().xml());
        }
        if (path.startsWith(Sitemap.FILES)) {
            return sitemap().file(path.substring(Sitemap.FILES.length())).flatMap(x -> text("application/xml", x));
        }
        if (path.equals("/robots.txt")) {
            return text("text/plain", Sitemap.robots(ctx));
        }
        if (path.equals("/changes")) {
            List<RecordedChange> newest = changes(ChangesPage.LIMIT + 1);
            return html(pages.changes(ctx, newest.subList(0, Math.min(newest.size(), ChangesPage.LIMIT)), newest.size() > ChangesPage.LIMIT));
        }
        if (path.equals("/changes.atom")) {
            return Optional.of(new Resource(ChangesFeed.CONTENT_TYPE,
                    ChangesFeed.xml(ctx.baseUrl(), changes(ChangesFeed.LIMIT), ctx.clock().instant()).getBytes(StandardCharsets.UTF_8)));
        }
        if (path.equals("/api/v1/changes")) {
            List<RecordedChange> found = changes(SitePages.DEFAULT_CHANGES_LIMIT + 1);
            return text("application/json", SitePages.apiChanges(null, found.subList(0, Math.min(found.size(), SitePages.DEFAULT_CHANGES_LIMIT)),
                    found.size() > SitePages.DEFAULT_CHANGES_LIMIT));
        }
        if (path.equals("/api/v1/models")) {
            return text("application/json", SitePages.apiModels(ModelQuery.all().apply(ctx.catalog()), 0, SitePages.DEFAULT_API_LIMIT));
        }
        if (path.startsWith("/api/v1/models/") && path.endsWith("/history") && store != null) {
            return model(path.substring("/api/v1/models/".length(), path.length() - "/history".length()))
                    .flatMap(m -> text("application/json", SitePages.apiHistory(m, history(m))));
        }
        if (path.startsWith("/models/")) {
            return model(path.substring("/models/".length()))
                    .filter(m -> path.equals(Links.model(m.id())))
                    .flatMap(m -> html(pages.model(ctx, m, history(m))));
        }
        if (path.startsWith("/compare/")) {
            return comparison(path);
        }
        if (path.startsWith(StaticFiles.STATIC) || path.startsWith(StaticFiles.WEBJARS)) {
            return BUNDLED.find(path).map(f -> new Resource(f.contentType(), f.bytes()));
        }
        return Optional.empty();
    }

    /** Worked out on first use and kept: the export asks for the index and each of its files. */
    private Sitemap sitemap() {
        Sitemap s = sitemap;
        if (s == null) {
            s = Sitemap.of(ctx);
            sitemap = s;
        }
        return s;
    }

    /** The newest recorded changes, as the server lists them: none without a store. */
    private List<RecordedChange> changes(int limit) {
        return store == null ? List.of() : store.catalog().changes(null, limit);
    }

    private List<HistoryEntry> history(Model m) {
        return store == null ? List.of() : store.catalog().history(m.id());
    }

    /** A model named the way the server resolves it (ids, aliases, names); the caller checks the path is canonical. */
    private Optional<Model> model(String raw) {
        return ctx.catalog().find(ComparisonPaths.unslug(URLDecoder.decode(raw, StandardCharsets.UTF_8)));
    }

    private Optional<Resource> comparison(String path) {
        String pair = URLDecoder.decode(path.substring("/compare/".length()), StandardCharsets.UTF_8);
        List<String> slugs = ComparisonPaths.split(pair).orElse(null);
        if (slugs == null) {
            return Optional.empty();
        }
        Optional<Model> a = model(slugs.get(0));
        Optional<Model> b = model(slugs.get(1));
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        if (!path.equals(ComparisonPaths.path(List.of(a.get().id(), b.get().id())))) {
            return Optional.empty(); // the server redirects to the canonical path
        }
        List<Model> canonical = ComparisonPaths.canonicalOrder(List.of(a.get().id(), b.get().id())).stream()
                .map(id -> ctx.catalog().byId(id).orElseThrow()).toList();
        return html(pages.comparison(ctx, canonical, java.math.BigDecimal.ZERO));
    }

    private static Optional<Resource> html(byte[] page) {
        return Optional.of(new Resource(CachedPage.CONTENT_TYPE, page));
    }

    private static Optional<Resource> text(String type, String body) {
        return Optional.of(new Resource(type + ";charset=utf-8", body.getBytes(StandardCharsets.UTF_8)));
    }
}
