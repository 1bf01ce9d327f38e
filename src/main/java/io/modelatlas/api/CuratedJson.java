package io.modelatlas.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.refresh.LiveCatalog;

/**
 * The answer to an admin correction ({@code PATCH}, {@code PUT} or {@code DELETE} under {@code /api/v1/admin/models}):
 * the catalog version it made, the model's curated entry before and after (JSON, {@code null} when there was none),
 * and the corrected model as {@code GET /api/v1/models/{id}} now shows it.
 */
public record CuratedJson(long version, JsonNode before, JsonNode after, ModelJson model) {

    public static CuratedJson from(LiveCatalog.Curated c, Catalog catalog) {
        // written as null rather than left out: "no curated entry" is the answer here, not an unknown
        return new CuratedJson(c.version(), c.before() == null ? NullNode.getInstance() : c.before(),
                c.after() == null ? NullNode.getInstance() : c.after(), ModelJson.from(c.model(), catalog));
    }
}
