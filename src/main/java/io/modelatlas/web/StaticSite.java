package io.modelatlas.web;

import io.modelatlas.api.Json;
import io.modelatlas.api.ModelSummaryJson;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.compare.ComparisonPaths;
import io.modelatlas.pricing.ServiceTier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The site's pages rendered straight from the catalog, without HTTP, for {@code export-site}: what the server
 * answers with a 200 for a GET of a path without a query. Paths the server would redirect (non-canonical forms)
 * or answer with an error have no page here, so a static copy never links to them. The bytes are the server's;
 * ExportMatchesServerTest checks every exported file against a running server.
 *
 * <p>Thread-safe: pages are rendered from the immutable catalog, so an export renders in parallel.
 */
public final class StaticSite {
    /** The server's defaults for a request without query parameters (WebApp reads the same when none are given). */
    private static final CalculatorPage.Inputs CALCULATOR_DEFAULTS = new CalculatorPage.Inputs(10_000L, 1_000L, 300L, 0, ServiceTier.STANDARD, null, false);
    private static final int API_DEFAULT_LIMIT = 100;
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "txt", "text/plain", "map", "application/json");

    private final WebContext ctx;
    private final Templates templates = new Templates();
    private final List<String> creatorIds;

    private StaticSite(WebContext ctx) {
        this.ctx = ctx;
        this.creatorIds = ctx.catalog().models().stream().map(Model::creatorId).distinct().sorted().toList();
    }

    public static StaticSite of(WebContext ctx) {
        return new StaticSite(ctx);
    }

    /** A page or file: its media type and bytes. */
    public record Resource(String contentType, byte[] body) {
        public boolean isHtml() {
            return contentType.startsWith("text/html");
        }
    }

    /** What the server answers for a GET of {@code path} (raw, without query), or empty when that is not a 200. */
    public Optional<Resource> get(String path) {
        if (path.equals("/") || path.equals("/models")) {
            return html(directory());
        }
        if (path.equals("/calculator")) {
            return html(templates.render("calculator/page.jte", "page", CalculatorPage.of(ctx.catalog().models(), CALCULATOR_DEFAULTS, ctx)));
        }
        if (path.equals("/sitemap.xml")) {
            return text("application/xml", Sitemap.xml(ctx));
        }
        if (path.equals("/robots.txt")) {
            return text("text/plain", Sitemap.robots(ctx));
        }
        if (path.equals("/api/v1/models")) {
            List<Model> all = ModelQuery.all().apply(ctx.catalog().models());
            return text("application/json", Json.write(new ModelSummaryJson.Page(all.size(), 0, API_DEFAULT_LIMIT,
                    all.stream().limit(API_DEFAULT_LIMIT).map(ModelSummaryJson::from).toList())));
        }
        if (path.startsWith("/models/")) {
            return model(path.substring("/models/".length()))
                    .filter(m -> path.equals("/models/" + m.id()))
                    .flatMap(m -> html(templates.render("model/page.jte", "page", ModelPage.of(m, ctx))));
        }
        if (path.startsWith("/compare/")) {
            return comparison(path);
        }
        if (path.startsWith("/static/")) {
            return classpath("static/", path.substring("/static/".length()));
        }
        if (path.startsWith("/webjars/")) {
            return classpath("META-INF/resources/webjars/", path.substring("/webjars/".length()));
        }
        return Optional.empty();
    }

    private String directory() {
        Map<String, String> noFilters = DirectoryPage.filterMap("q", null, "creator", null, "type", null, "capability", null, "status", null,
                "min_context", null, "max_input_price", null, "sort", null);
        return templates.render("directory/page.jte", "page",
                DirectoryPage.of(ModelQuery.all().apply(ctx.catalog().models()), noFilters, 1, creatorIds, ctx));
    }

    /** A model named the way the server resolves it (ids, aliases, names); the caller checks the path is canonical. */
    private Optional<Model> model(String raw) {
        return ctx.catalog().find(ComparisonPaths.unslug(URLDecoder.decode(raw, StandardCharsets.UTF_8)));
    }

    private Optional<Resource> comparison(String path) {
        String pair = URLDecoder.decode(path.substring("/compare/".length()), StandardCharsets.UTF_8);
        int vs = pair.indexOf("-vs-");
        if (vs < 0) {
            return Optional.empty();
        }
        Optional<Model> a = model(pair.substring(0, vs));
        Optional<Model> b = model(pair.substring(vs + 4));
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = ComparisonPaths.canonicalOrder(List.of(a.get().id(), b.get().id()));
        if (!path.equals(ComparisonPaths.path(ids))) {
            return Optional.empty();
        }
        List<Model> ordered = ids.stream().map(id -> ctx.catalog().byId(id).orElseThrow()).toList();
        return html(templates.render("compare/page.jte", "page", ComparePage.of(ctx.comparer().compare(ordered), ctx)));
    }

    /** A bundled file; paths that climb out of the folder or name a folder are not files. */
    private static Optional<Resource> classpath(String folder, String rawName) {
        String name = URLDecoder.decode(rawName.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (name.isEmpty() || name.endsWith("/") || name.contains("\\") || name.contains("\0")
                || List.of(name.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticSite.class.getClassLoader().getResourceAsStream(folder + name)) {
            return in == null ? Optional.empty() : Optional.of(new Resource(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + folder + name, e);
        }
    }

    private static Optional<Resource> html(String page) {
        return text("text/html", page);
    }

    private static Optional<Resource> text(String type, String body) {
        return Optional.of(new Resource(type + ";charset=utf-8", body.getBytes(StandardCharsets.UTF_8)));
    }
}
