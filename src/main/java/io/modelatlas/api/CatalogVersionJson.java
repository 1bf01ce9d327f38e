package io.modelatlas.api;

import io.modelatlas.refresh.CatalogVersion;
import java.time.Instant;
import java.util.List;

/**
 * One recorded state of the catalog, as {@code GET /api/v1/admin/versions} lists them: what made it ({@code bootstrap},
 * {@code import}, {@code refresh}, {@code curation}), when, and who ({@code token:NAME}, {@code cli}, ...).
 */
public record CatalogVersionJson(long id, Instant createdAt, String kind, String summary, String actor) {

    /** The versions, newest first. */
    public record Versions(List<CatalogVersionJson> versions) {
        public static Versions of(List<CatalogVersion> versions) {
            return new Versions(versions.stream().map(CatalogVersionJson::from).toList());
        }
    }

    public static CatalogVersionJson from(CatalogVersion v) {
        return new CatalogVersionJson(v.id(), v.createdAt(), v.kind(), v.summary(), v.actor());
    }
}
