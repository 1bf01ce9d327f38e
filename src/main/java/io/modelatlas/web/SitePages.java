package io.modelatlas.web;

import io.modelatlas.api.ChangesJson;
import io.modelatlas.api.HistoryJson;
import io.modelatlas.api.Json;
import io.modelatlas.api.ModelSummaryJson;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.TypeFilter;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.RecordedChange;
import io.modelatlas.compare.ComparisonPaths;
import io.modelatlas.eval.RunReport;
import io.modelatlas.eval.RunStore;
import io.modelatlas.pricing.ServiceTier;
import java.util.List;
import java.util.Map;

/**
 * Renders the site's pages and JSON from one catalog. The server ({@link WebApp}) and the static export
 * ({@link StaticSite}) both render through here, with the same defaults for a request without a query, so a page
 * exported to a file has the bytes the server sends for it.
 */
final class SitePages {
    /** The calculator's inputs when the query names none. */
    static final long DEFAULT_REQUESTS_PER_DAY = 10_000L;
    static final long DEFAULT_INPUT_TOKENS = 1_000L;
    static final long DEFAULT_OUTPUT_TOKENS = 300L;
    /** Models per page of {@code /api/v1/models} when no {@code limit} is given. */
    static final int DEFAULT_API_LIMIT = 100;
    /** Changes per answer of {@code /api/v1/changes} when no {@code limit} is given. */
    static final int DEFAULT_CHANGES_LIMIT = 500;

    private final Templates templates;

    SitePages(Templates templates) {
        this.templates = templates;
    }

    byte[] directory(WebContext ctx, List<Model> matching, Map<String, String> filters, ModelQuery.Order order, int page, DirectoryChoices choices) {
        return templates.render("directory/page.jte", "page", DirectoryPage.of(matching, filters, order, page, choices, ctx));
    }

    /** The directory as {@code /models} shows it with no filter. */
    byte[] directory(WebContext ctx, List<Model> all, DirectoryChoices choices) {
        return directory(ctx, all, DirectoryPage.filters(key -> null), ModelQuery.Order.RELEVANCE, 1, choices);
    }

    byte[] model(WebContext ctx, Model m, List<HistoryEntry> history) {
        return templates.render("model/page.jte", "page", ModelPage.of(m, ctx, history));
    }

    /**
     * The comparison of these models (already resolved) in the order given: the caller picks canonical order for a
     * pair's path, the user's order for {@code ?models=}. {@code cacheHitRate} (0 to 1) goes into the monthly costs.
     */
    byte[] comparison(WebContext ctx, List<Model> models, java.math.BigDecimal cacheHitRate) {
        return templates.render("compare/page.jte", "page", ComparePage.of(ctx.comparer().compare(models, cacheHitRate), ctx, cacheHitRate));
    }

    byte[] compareBuilder(WebContext ctx, CompareBuilderPage page) {
        return templates.render("compare/builder.jte", "page", page);
    }

    byte[] calculator(WebContext ctx, CalculatorPage.Inputs in) {
        return templates.render("calculator/page.jte", "page", CalculatorPage.of(ctx.catalog().models(), in, ctx));
    }

    static CalculatorPage.Inputs defaultCalculatorInputs() {
        return new CalculatorPage.Inputs(DEFAULT_REQUESTS_PER_DAY, null, DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS, 0, ServiceTier.STANDARD, null, false, TypeFilter.CHAT);
    }

    byte[] dataQuality(WebContext ctx) {
        return templates.render("quality/page.jte", "page", DataQualityPage.of(ctx));
    }

    byte[] benchmarks(WebContext ctx) {
        return templates.render("benchmark/list.jte", "page", BenchmarksPage.of(ctx));
    }

    byte[] benchmark(WebContext ctx, io.modelatlas.catalog.Leaderboard b) {
        return templates.render("benchmark/page.jte", "page", BenchmarkPage.of(b, ctx));
    }

    /** The {@code /check} form as a GET shows it; checking needs the server (a POST). */
    byte[] checkForm(WebContext ctx) {
        return templates.render("check/page.jte", "page", CheckPage.form(ctx, CheckRoutes.LIMIT_BYTES));
    }

    /** The {@code /replay} form as a GET shows it; replaying an upload needs the server (a POST). */
    byte[] replayForm(WebContext ctx) {
        return templates.render("replay/page.jte", "page", ReplayPage.form(ctx, ReplayRoutes.DEFAULT_LIMIT));
    }

    /** The list of stored eval runs; {@code runs} is null on a site with no store, which keeps none. */
    byte[] evalList(WebContext ctx, List<RunStore.RunSummary> runs) {
        return templates.render("eval/list.jte", "page", runs == null ? EvalListPage.withoutStore(ctx.baseUrl()) : EvalListPage.of(runs, ctx.baseUrl()));
    }

    byte[] evalRun(WebContext ctx, RunReport report) {
        return templates.render("eval/run.jte", "page", EvalRunPage.of(report, ctx.baseUrl()));
    }

    /** The API reference page, made from the OpenAPI document. */
    byte[] api(WebContext ctx) {
        return templates.render("api/page.jte", "page", ApiPage.of(ApiDocs.TREE, ctx.baseUrl()));
    }

    static String apiModels(List<Model> matching, int offset, int limit) {
        return Json.write(new ModelSummaryJson.Page(matching.size(), offset, limit,
                matching.stream().skip(offset).limit(limit).map(ModelSummaryJson::from).toList()));
    }

    /** The changes page from the newest changes, up to {@link ChangesPage#LIMIT} of them ({@code truncated}: more exist). */
    byte[] changes(WebContext ctx, List<RecordedChange> changes, boolean truncated) {
        return templates.render("changes/page.jte", "page", ChangesPage.of(ctx, changes, truncated));
    }

    static String apiChanges(java.time.LocalDate since, List<RecordedChange> changes, boolean truncated) {
        return Json.write(ChangesJson.of(since, changes, truncated));
    }

    static String apiHistory(Model m, List<HistoryEntry> history) {
        return Json.write(HistoryJson.of(m.id(), history));
    }

}
