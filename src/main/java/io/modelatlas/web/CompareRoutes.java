package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.modelatlas.api.ComparisonJson;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.ComparisonPaths;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Comparisons: the builder at {@code /compare}, the pages ({@code /compare/a-vs-b} for a pair in canonical order,
 * {@code /compare?models=...} in the order the user picked) and {@code GET /api/v1/compare}.
 */
final class CompareRoutes {
    /** Models a builder search lists. */
    static final int SEARCH_RESULTS = 10;

    private final Supplier<WebApp.Site> site;
    private final SitePages pages;

    CompareRoutes(Supplier<WebApp.Site> site, SitePages pages) {
        this.site = site;
        this.pages = pages;
    }

    void install(JavalinConfig config) {
        config.routes.get("/compare/{pair}", this::pairPage);
        config.routes.get("/compare", this::compareQuery);
        config.routes.get("/api/v1/compare", this::api);
    }

    private void api(Context c) {
        WebApp.Site s = site.get();
        List<Model> models = Params.modelList(s.ctx().catalog(), Params.text(c, "models"), "models");
        BigDecimal rate = Params.percent(c, "cache_hit");
        String key = "compare " + models.stream().map(Model::id).toList() + " " + rate.toPlainString();
        c.contentType("application/json").result(s.json().get(key, () -> Json.write(ComparisonJson.from(s.ctx().comparer().compare(models, rate)))));
    }

    /** A pair by path: always shown in canonical order, so each pair has one URL for search engines. */
    private void pairPage(Context c) {
        WebApp.Site s = site.get();
        String pair = c.pathParam("pair"); // decoded once by Javalin, like an id
        List<String> slugs = ComparisonPaths.split(pair).orElseThrow(() -> new BadParameterException("pair",
                "a comparison path is /compare/<model>-vs-<model>, got '" + io.modelatlas.text.Clip.clip(pair, 80) + "'"));
        List<Model> models = slugs.stream().map(slug -> ModelParam.resolve(s.ctx().catalog(), slug, "pair")).toList();
        List<Model> canonical = ComparisonPaths.canonicalOrder(models.stream().map(Model::id).toList()).stream()
                .map(id -> s.ctx().catalog().byId(id).orElseThrow()).toList();
        show(c, s, canonical, Params.percent(c, "cache_hit"));
    }

    /** {@code ?models=} in the order given; without it, the builder. */
    private void compareQuery(Context c) {
        WebApp.Site s = site.get();
        String raw = Params.text(c, "models");
        if (raw == null) {
            builder(c, s);
            return;
        }
        show(c, s, Params.modelList(s.ctx().catalog(), raw, "models"), Params.percent(c, "cache_hit"));
    }

    /** Redirects other spellings (names for ids, a pair in another order by path) to the page's URL, else shows it. */
    private void show(Context c, WebApp.Site s, List<Model> models, BigDecimal cacheHitRate) {
        String url = CompareForm.cacheHitQuery(ComparisonPaths.orderedPath(models.stream().map(Model::id).toList()), cacheHitRate);
        String here = c.queryString() == null ? c.path() : c.path() + "?" + c.queryString();
        if (!here.equals(url)) {
            c.redirect(url, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        s.pages().getOrRender(url, () -> pages.comparison(s.ctx(), models, cacheHitRate)).respond(c);
    }

    /**
     * The builder. Without JavaScript it is a round trip per step: a search lists models with links that add them, a
     * submission with a name that matches no model comes back with that field's error and the closest models, and a
     * valid one redirects to the comparison in the order of the fields.
     */
    private void builder(Context c, WebApp.Site s) {
        Catalog catalog = s.ctx().catalog();
        BigDecimal rate = Params.percent(c, "cache_hit");
        List<String> values = IntStream.rangeClosed(1, Comparer.MAX_MODELS).mapToObj(n -> Params.text(c, CompareForm.param(n))).toList();
        String search = Params.text(c, "q");
        if (search == null && values.stream().allMatch(Objects::isNull)) {
            if (c.queryString() == null) {
                s.pages().getOrRender("/compare", () -> pages.compareBuilder(s.ctx(), emptyBuilder(s.ctx()))).respond(c);
            } else {
                Pages.html(c, pages.compareBuilder(s.ctx(), new CompareBuilderPage(CompareBuilderPage.meta(s.ctx()), CompareForm.of(List.of(), rate), null, List.of(), null)));
            }
            return;
        }
        if (search != null) {
            Pages.html(c, pages.compareBuilder(s.ctx(), searched(catalog, values, search, rate, s.ctx())));
            return;
        }
        List<CompareForm.Slot> slots = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        boolean errors = false;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String name = CompareForm.param(i + 1);
            if (v == null) {
                slots.add(new CompareForm.Slot(i + 1, name, null, null, List.of()));
                continue;
            }
            Optional<Model> m = catalog.find(v);
            String error = null;
            List<CompareForm.Pick> suggestions = List.of();
            if (m.isEmpty()) {
                error = "No model is called '" + io.modelatlas.text.Clip.clip(v, 80) + "'" + (v.length() > Catalog.MAX_QUERY_LENGTH ? "." : "; pick one of the closest below or search for it.");
                int slot = i;
                List<String> taken = values.stream().filter(Objects::nonNull).map(x -> catalog.find(x).map(Model::id).orElse(null)).toList();
                suggestions = (v.length() > Catalog.MAX_QUERY_LENGTH ? List.<String>of() : catalog.suggest(v, 5)).stream()
                        .filter(id -> !taken.contains(id))
                        .map(id -> pick(catalog.byId(id).orElseThrow(), replaced(values, slot, id), rate)).toList();
            } else if (ids.contains(m.get().id())) {
                error = m.get().displayName() + " is already model " + (ids.indexOf(m.get().id()) + 1) + "; pick another model or leave this field empty.";
            } else {
                ids.add(m.get().id());
            }
            errors |= error != null;
            slots.add(new CompareForm.Slot(i + 1, name, v, error, suggestions));
        }
        if (!errors && ids.size() >= Comparer.MIN_MODELS) {
            c.redirect(CompareForm.cacheHitQuery(ComparisonPaths.orderedPath(ids), rate), HttpStatus.SEE_OTHER);
            return;
        }
        String message = errors ? "Some fields name no model they can be compared with: see the fields below."
                : "Pick at least " + Comparer.MIN_MODELS + " models to compare.";
        c.status(HttpStatus.BAD_REQUEST);
        Pages.html(c, pages.compareBuilder(s.ctx(), new CompareBuilderPage(CompareBuilderPage.meta(s.ctx()),
                new CompareForm(slots, CompareForm.percentText(rate)), null, List.of(), message)));
    }

    static CompareBuilderPage emptyBuilder(WebContext ctx) {
        return new CompareBuilderPage(CompareBuilderPage.meta(ctx), CompareForm.of(List.of(), BigDecimal.ZERO), null, List.of(), null);
    }

    /** The models the directory's search finds, each with the builder URL that puts it in the first empty field. */
    private static CompareBuilderPage searched(Catalog catalog, List<String> values, String search, BigDecimal rate, WebContext ctx) {
        int free = values.indexOf(null);
        List<Model> found = new ModelQuery(search, null, null, null, null, null, null, null, null, null, ModelQuery.Order.RELEVANCE)
                .apply(catalog).stream().filter(m -> Links.linkable(m.id())).limit(SEARCH_RESULTS).toList();
        List<CompareForm.Pick> results = free < 0 ? List.of() : found.stream().map(m -> pick(m, replaced(values, free, m.id()), rate)).toList();
        String message = free < 0 ? "All " + Comparer.MAX_MODELS + " fields are taken: empty one to add another model."
                : found.isEmpty() ? "No model matches '" + io.modelatlas.text.Clip.clip(search, 80) + "'." : null;
        return new CompareBuilderPage(CompareBuilderPage.meta(ctx), CompareForm.of(values, rate), search, results, message);
    }

    private static CompareForm.Pick pick(Model m, List<String> values, BigDecimal rate) {
        return new CompareForm.Pick(m.id(), m.displayName(), CompareForm.builderUrl(values, rate));
    }

    private static List<String> replaced(List<String> values, int index, String value) {
        List<String> out = new ArrayList<>(values);
        out.set(index, value);
        return out;
    }
}
