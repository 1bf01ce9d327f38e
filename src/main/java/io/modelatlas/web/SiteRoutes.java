package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.modelatlas.api.DataQualityJson;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.DataQuality;
import io.modelatlas.text.Clip;
import java.util.function.Supplier;

/**
 * The site about itself: data quality (page and API), the API's page and its OpenAPI document, the sitemap and
 * robots.txt.
 */
final class SiteRoutes {
    private final Supplier<WebApp.Site> site;
    private final SitePages pages;

    SiteRoutes(Supplier<WebApp.Site> site, SitePages pages) {
        this.site = site;
        this.pages = pages;
    }

    void install(JavalinConfig config) {
        config.routes.get("/data-quality", this::dataQuality);
        config.routes.get("/sitemap.xml", this::sitemap);
        config.routes.get(Sitemap.FILES + "{file}", this::sitemapFile);
        config.routes.get("/robots.txt", c -> c.contentType("text/plain").result(Sitemap.robots(site.get().ctx())));
        config.routes.get("/api/v1/data-quality", this::apiDataQuality);
        config.routes.get(ApiDocs.PATH, c -> c.contentType("application/json").result(ApiDocs.DOCUMENT));
        config.routes.get("/api", this::apiPage);
    }

    private void dataQuality(Context c) {
        WebApp.Site s = site.get();
        s.pages().getOrRender("/data-quality", () -> pages.dataQuality(s.ctx())).respond(c);
    }

    private void apiPage(Context c) {
        WebApp.Site s = site.get();
        s.pages().getOrRender("/api", () -> pages.api(s.ctx())).respond(c);
    }

    private void apiDataQuality(Context c) {
        String only = c.queryParam("model") == null ? null : ModelParam.resolve(site.get().ctx().catalog(), c.queryParam("model"), "model").id();
        site.get().json(c, "data-quality " + only, s -> Json.write(DataQualityJson.of(DataQuality.of(s.ctx().catalog()), only)));
    }

    /** Worked out once per catalog: following every related comparison to the end takes a while on a large one. */
    private void sitemap(Context c) {
        WebApp.Site s = site.get();
        c.contentType("application/xml").result(s.json().get("sitemap.xml", () -> Sitemap.of(s.ctx()).xml()));
    }

    private void sitemapFile(Context c) {
        WebApp.Site s = site.get();
        String name = c.pathParam("file");
        // the name is checked before it becomes a cache key; "" stands for no such file
        String xml = Sitemap.isFileName(name) ? s.json().get("sitemaps/" + name, () -> Sitemap.of(s.ctx()).file(name).orElse("")) : "";
        if (xml.isEmpty()) {
            throw new NotFoundResponse("no sitemap file " + Clip.clip(name, 40));
        }
        c.contentType("application/xml").result(xml);
    }
}
