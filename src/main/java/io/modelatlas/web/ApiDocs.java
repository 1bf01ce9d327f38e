package io.modelatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's contract: {@code openapi.json}, a reviewed resource next to this class, served as it is at {@link #PATH}
 * and made into the readable {@code /api} page ({@link ApiPage}). OpenApiTest holds it to the app's real routes and
 * answers, so a route added without documentation fails there.
 */
final class ApiDocs {
    static final String PATH = "/api/v1/openapi.json";
    private static final String RESOURCE = "openapi.json";
    /** The document's bytes as shipped; read once, at class load. */
    static final byte[] DOCUMENT = load();
    static final JsonNode TREE = parse(DOCUMENT);

    private ApiDocs() {}

    private static byte[] load() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing next to " + ApiDocs.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled " + RESOURCE + " is not valid JSON", e);
        }
    }
}
