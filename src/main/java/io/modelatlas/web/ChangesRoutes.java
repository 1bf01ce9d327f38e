package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.catalog.history.RecordedChange;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** What changed between catalog imports: the page ({@code /changes}), its Atom feed and {@code GET /api/v1/changes}. */
final class ChangesRoutes {
    private final Supplier<WebApp.Site> site;
    private final SitePages pages;
    private final SiteArchive archive;

    ChangesRoutes(Supplier<WebApp.Site> site, SitePages pages, SiteArchive archive) {
        this.site = site;
        this.pages = pages;
        this.archive = archive;
    }

    void install(JavalinConfig config) {
        config.routes.get("/changes", this::page);
        config.routes.get("/changes.atom", this::feed);
        config.routes.get("/api/v1/changes", this::api);
    }

    private void page(Context c) {
        WebApp.Site s = site.get();
        s.pages().getOrRender("/changes", () -> {
            List<RecordedChange> newest = archive.changes(null, ChangesPage.LIMIT + 1);
            return pages.changes(s.ctx(), newest.subList(0, Math.min(newest.size(), ChangesPage.LIMIT)), newest.size() > ChangesPage.LIMIT);
        }).respond(c);
    }

    private void feed(Context c) {
        WebApp.Site s = site.get();
        c.contentType(ChangesFeed.CONTENT_TYPE).result(s.json().get("changes.atom",
                () -> ChangesFeed.xml(s.ctx().baseUrl(), archive.changes(null, ChangesFeed.LIMIT), s.ctx().clock().instant())));
    }

    private void api(Context c) {
        LocalDate since = Params.date(c, "since");
        int limit = Params.limit(c, SitePages.DEFAULT_CHANGES_LIMIT);
        site.get().json(c, "changes " + since + " " + limit, s -> {
            List<RecordedChange> found = archive.changes(since, limit + 1);
            return SitePages.apiChanges(since, found.subList(0, Math.min(found.size(), limit)), found.size() > limit);
        });
    }
}
