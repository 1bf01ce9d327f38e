package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.modelatlas.StoreException;
import io.modelatlas.api.Json;
import io.modelatlas.api.ModelJson;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.UnknownBenchmarkException;
import io.modelatlas.catalog.history.HistoryEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Models: the directory ({@code /} and {@code /models}, filtered and sorted by query), a model's page
 * ({@code /models/{id}}), and the API's {@code /api/v1/models}, {@code /api/v1/models/{id}} and its price history.
 */
final class ModelRoutes {
    private final Supplier<WebApp.Site> site;
    private final SitePages pages;
    private final SiteArchive archive;

    ModelRoutes(Supplier<WebApp.Site> site, SitePages pages, SiteArchive archive) {
        this.site = site;
        this.pages = pages;
        this.archive = archive;
    }

    void install(JavalinConfig config) {
        config.routes.get("/", this::directory);
        config.routes.get("/models", this::directory);
        config.routes.get("/models/{id}", this::modelPage);
        config.routes.get("/api/v1/models/{id}/history", this::apiHistory);
        config.routes.get("/api/v1/models", this::apiModels);
        config.routes.get("/api/v1/models/{id}", this::apiModel);
    }

    private void directory(Context c) {
        ModelQuery query = query(c);
        Map<String, String> filters = DirectoryPage.filters(key -> Params.text(c, key));
        WebApp.Site s = site.get();
        Pages.html(c, pages.directory(s.ctx(), query.apply(s.ctx().catalog()), filters, query.order(), Params.page(c), s.choices()));
    }

    private void modelPage(Context c) {
        Model m = model(c.pathParam("id"), "id");
        String canonical = Links.model(m.id());
        if (!c.path().equals(canonical)) {
            c.redirect(canonical, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        WebApp.Site s = site.get();
        CachedPage cached = s.pages().get(canonical);
        if (cached != null) {
            cached.respond(c);
            return;
        }
        List<HistoryEntry> history;
        try {
            history = archive.history(m.id());
        } catch (StoreException e) {
            // the page still serves without its history, and is not cached that way
            CachedPage.of(pages.model(s.ctx(), m, List.of())).respond(c);
            return;
        }
        s.pages().getOrRender(canonical, () -> pages.model(s.ctx(), m, history)).respond(c);
    }

    private void apiModels(Context c) {
        ModelQuery query = query(c);
        int offset = (int) Math.min(Params.nonNegativeLong(c, "offset", 0L), Integer.MAX_VALUE);
        int limit = Params.limit(c, SitePages.DEFAULT_API_LIMIT);
        site.get().json(c, "models " + query + " " + offset + " " + limit,
                s -> SitePages.apiModels(query.apply(s.ctx().catalog()), offset, limit));
    }

    private void apiModel(Context c) {
        Model m = model(c.pathParam("id"), "id");
        site.get().json(c, "model " + m.id(), s -> Json.write(ModelJson.from(m, s.ctx().catalog())));
    }

    private void apiHistory(Context c) {
        Model m = model(c.pathParam("id"), "id");
        archive.require(); // 404 without a store
        c.contentType("application/json").result(SitePages.apiHistory(m, archive.history(m.id())));
    }

    private Model model(String id, String param) {
        return ModelParam.resolve(site.get().ctx().catalog(), id, param);
    }

    /** The directory's and the model list's filters and order, each checked against what the catalog knows. */
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
            Catalog catalog = site.get().ctx().catalog();
            requireBenchmark(catalog, "sort", order.benchmark());
            requireBenchmark(catalog, "scored_on", scoredOn);
            Long minContext = Params.optionalNonNegativeLong(c, "min_context");
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

    private static void requireBenchmark(Catalog catalog, String parameter, String id) {
        try {
            catalog.requireBenchmark(id);
        } catch (UnknownBenchmarkException e) {
            throw new BadParameterException(parameter, "query parameter '" + parameter + "': " + e.getMessage()
                    + (e.suggestions().isEmpty() ? "" : "; did you mean " + String.join(", ", e.suggestions()) + "?"));
        }
    }
}
