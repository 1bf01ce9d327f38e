package io.modelatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.modelatlas.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The API's contract: {@code openapi.json}, a reviewed resource next to this class, served as it is at
 * {@code /api/v1/openapi.json}, and the readable {@code /api} page made from it. OpenApiTest holds the document to the
 * app's real routes and answers.
 */
final class ApiDocs {
    static final String PATH = "/api/v1/openapi.json";
    private static final String RESOURCE = "openapi.json";
    private final byte[] document;
    private final JsonNode tree;
    private final Templates templates;
    private final Supplier<String> baseUrl;

    ApiDocs(Templates templates, Supplier<String> baseUrl) {
        this.document = load();
        this.tree = parse(document);
        this.templates = templates;
        this.baseUrl = baseUrl;
    }

    /** The document's bytes as shipped. */
    static byte[] load() {
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

    void install(JavalinConfig config) {
        config.routes.get(PATH, c -> c.contentType("application/json").result(document));
        config.routes.get("/api", c -> {
            String base = baseUrl.get();
            Pages.html(c, templates.render("api/page.jte", "page", ApiPage.of(tree, base)));
        });
    }
}
