package io.modelatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.api.AuditJson;
import io.modelatlas.api.CatalogVersionJson;
import io.modelatlas.api.CuratedJson;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceFormatException;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operators' API under {@code /api/v1/admin}: corrections to the curated overlay, the audit log and the catalog
 * versions. Every request needs {@code Authorization: Bearer <token>} of an active token; without one it gets 401
 * and nothing changes. Corrections are JSON merge patches (RFC 7386) on a model's curated entry.
 */
final class AdminApi {
    private static final int MAX_BODY = 256 * 1024;
    private final java.util.function.Supplier<StoreBackend> store;

    AdminApi(java.util.function.Supplier<StoreBackend> store) {
        this.store = store;
    }

    private StoreBackend backend() {
        return store.get();
    }

    void install(JavalinConfig config) {
        config.routes.before("/api/v1/admin/*", this::authenticate);
        config.routes.before("/api/v1/admin", this::authenticate);
        config.routes.patch("/api/v1/admin/models/{id}", c -> curate(c, body(c)));
        config.routes.put("/api/v1/admin/models/{id}/prices/{provider}", c -> curate(c, prices(c.pathParam("provider"), body(c))));
        config.routes.delete("/api/v1/admin/models/{id}/prices/{provider}", c -> curate(c, removePrices(c.pathParam("provider"))));
        config.routes.get("/api/v1/admin/audit", c -> Pages.json(c, AuditJson.of(backend().audit().recent(limit(c)))));
        config.routes.get("/api/v1/admin/versions", c -> Pages.json(c, CatalogVersionJson.Versions.of(backend().catalog().versions(limit(c)))));
    }

    private void authenticate(Context c) {
        String header = c.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            c.header("WWW-Authenticate", "Bearer realm=\"modelatlas-admin\"");
            throw new UnauthorizedException("the admin API needs an 'Authorization: Bearer <token>' header; create a token with 'modelatlas admin create-token NAME'");
        }
        String name = backend().tokens().verify(header.substring(7).trim()).orElseThrow(() -> {
            c.header("WWW-Authenticate", "Bearer realm=\"modelatlas-admin\", error=\"invalid_token\"");
            return new UnauthorizedException("the bearer token is not valid (unknown or revoked)");
        });
        c.attribute("actor", "token:" + name);
    }

    private void curate(Context c, JsonNode patch) {
        LiveCatalog.Curated r = backend().catalog().curate(c.pathParam("id"), patch, c.attribute("actor"));
        Pages.json(c, CuratedJson.from(r, backend().catalog().catalog()));
    }

    /**
     * {@code {"prices": {provider: body}}}, replacing the provider's whole price table: every kind the body leaves out
     * is set to null, which a merge patch reads as "remove". A null body removes the table.
     */
    private static JsonNode prices(String provider, JsonNode body) {
        if (!body.isObject()) {
            // a PUT body null would otherwise read as "remove the table", which is what DELETE is for
            throw new SourceFormatException("request body", "$", "the body must be a JSON object of prices per million tokens, got "
                    + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        ObjectNode table = ((ObjectNode) body).deepCopy();
        for (PriceKind k : PriceKind.values()) {
            if (!table.has(k.jsonName())) {
                table.putNull(k.jsonName());
            }
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("prices").set(provider, table);
        return patch;
    }

    /** {@code {"prices": {provider: null}}}: removes the provider's curated price table. */
    private static JsonNode removePrices(String provider) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("prices").putNull(provider);
        return patch;
    }

    /**
     * The JSON body, read through a counter: a declared length over {@link #MAX_BODY} is refused before reading, and a
     * body sent in chunks is cut off once it passes it (Javalin's own body reading would hold any chunked body whole).
     */
    private static JsonNode body(Context c) throws IOException {
        Supplier<BodyTooLargeException> tooLarge = () -> new BodyTooLargeException("Request body too large", "the admin API takes request bodies of at most " + MAX_BODY + " bytes");
        byte[] bytes;
        try (InputStream in = LimitedInputStream.of(c, MAX_BODY, tooLarge)) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new SourceFormatException("request body", "", "is empty; send a JSON object");
        }
        return CatalogLoader.json("request body", text);
    }

    private static int limit(Context c) {
        return Params.limit(c, 100);
    }

}
