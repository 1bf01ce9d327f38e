package io.modelatlas.web;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.CatalogRankings;
import io.modelatlas.compare.Comparer;
import java.time.Clock;

/** What the web layer is given by the composition root. {@code baseUrl} makes canonical links and the sitemap absolute. */
public record WebContext(Catalog catalog, Comparer comparer, CatalogRankings rankings, Clock clock, String baseUrl) {
    public static WebContext of(Catalog catalog, Clock clock, String baseUrl) {
        return new WebContext(catalog, new Comparer(catalog), CatalogRankings.of(catalog), clock, baseUrl);
    }
}
