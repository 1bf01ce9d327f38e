package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.api.Json;
import io.modelatlas.api.LeaderboardJson;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.UnknownBenchmarkException;
import java.util.function.Supplier;

/** Benchmarks: the list ({@code /benchmarks}), one leaderboard's page, and the same two as {@code /api/v1/benchmarks}. */
final class BenchmarkRoutes {
    private final Supplier<WebApp.Site> site;
    private final SitePages pages;

    BenchmarkRoutes(Supplier<WebApp.Site> site, SitePages pages) {
        this.site = site;
        this.pages = pages;
    }

    void install(JavalinConfig config) {
        config.routes.get(BenchmarksPage.PATH, this::listPage);
        config.routes.get(BenchmarksPage.PATH + "/{id}", this::page);
        config.routes.get("/api/v1/benchmarks", c -> site.get().json(c, "benchmarks", s -> Json.write(LeaderboardJson.list(s.ctx().catalog().leaderboards()))));
        config.routes.get("/api/v1/benchmarks/{id}", this::api);
    }

    private void listPage(Context c) {
        WebApp.Site s = site.get();
        s.pages().getOrRender(BenchmarksPage.PATH, () -> pages.benchmarks(s.ctx())).respond(c);
    }

    private void page(Context c) {
        WebApp.Site s = site.get();
        Leaderboard b = benchmark(s, c.pathParam("id"));
        s.pages().getOrRender(BenchmarkPage.path(b.id()), () -> pages.benchmark(s.ctx(), b)).respond(c);
    }

    private void api(Context c) {
        WebApp.Site s = site.get();
        Leaderboard b = benchmark(s, c.pathParam("id"));
        s.json(c, "benchmark " + b.id(), now -> Json.write(LeaderboardJson.detail(b, now.ctx().catalog())));
    }

    /** The benchmark a path names, or a 404 naming the parameter and the closest ids. */
    private static Leaderboard benchmark(WebApp.Site s, String id) {
        Leaderboards all = s.ctx().catalog().leaderboards();
        return all.benchmark(id).orElseThrow(() -> new UnknownBenchmarkException(id, all));
    }
}
