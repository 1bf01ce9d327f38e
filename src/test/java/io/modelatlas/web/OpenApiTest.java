package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.eval.GoldenRun;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against the running app over a real store (with an eval run and an admin token): every
 * documented operation answers its own example request, every route under /api/v1 is documented, and the main GET
 * answers carry the documented required properties with their documented JSON types and nothing undocumented.
 */
class OpenApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static Store store;
    private static Javalin app;
    /** The bundled catalog's app: the small store catalog has no leaderboards (their mapping needs every model). */
    private static Javalin bundled;
    private static String token;
    private static JsonNode doc;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        StoreBackend backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        GoldenRun.create(store.evalRuns(), backend.catalog().catalog(), dir);
        token = backend.tokens().create("openapi-test");
        app = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "https://modelatlas.example", 0).start("127.0.0.1", 0);
        bundled = WebApp.create(WebContext.of(CatalogLoader.loadBundled(), MiniData.CLOCK, "https://modelatlas.example")).start("127.0.0.1", 0);
        doc = Json.mapper().readTree(send("GET", ApiDocs.PATH, null, null).body());
    }

    @AfterAll
    static void stop() {
        app.stop();
        bundled.stop();
        store.close();
    }

    /** One documented operation and the request its examples make. */
    record Operation(String method, String path, JsonNode op) {
        String url() {
            String url = path;
            List<String> query = new ArrayList<>();
            for (JsonNode p : op.path("parameters")) {
                JsonNode example = p.get("example");
                if (example == null) {
                    assertThat(p.path("required").asBoolean()).as("%s %s: required parameter %s has an example", method, path, p.path("name").asText()).isFalse();
                    continue;
                }
                if (p.path("in").asText().equals("path")) {
                    url = url.replace("{" + p.path("name").asText() + "}", example.asText());
                } else {
                    query.add(p.path("name").asText() + "=" + URLEncoder.encode(example.asText(), StandardCharsets.UTF_8));
                }
            }
            assertThat(url).as("%s %s: every path parameter has an example", method, path).doesNotContain("{");
            return query.isEmpty() ? url : url + "?" + String.join("&", query);
        }

        /** The first documented body's media type and example, or null. */
        Map.Entry<String, String> body() {
            Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
            if (!content.hasNext()) {
                return null;
            }
            Map.Entry<String, JsonNode> first = content.next();
            JsonNode example = first.getValue().get("example");
            assertThat(example).as("%s %s: the request body has an example", method, path).isNotNull();
            return Map.entry(first.getKey(), example.isTextual() ? example.asText() : example.toString());
        }

        HttpResponse<String> call() throws Exception {
            return send(method.toUpperCase(Locale.ROOT), url(), body(), op.has("security") ? token : null);
        }
    }

    private static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> METHODS.stream().filter(m -> p.getValue().has(m))
                .forEach(m -> ops.add(new Operation(m, p.getKey(), p.getValue().get(m)))));
        return ops;
    }

    private static Operation operation(String method, String path) {
        return operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> send(String method, String path, Map.Entry<String, String> body, String bearer) throws Exception {
        int port = path.startsWith("/api/v1/benchmarks") ? bundled.port() : app.port();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.getValue()));
        if (body != null) {
            r.header("Content-Type", body.getKey());
        }
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_document_is_served_as_json_with_the_security_headers() throws Exception {
        HttpResponse<String> r = send("GET", ApiDocs.PATH, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        SecurityHeaders.ALL.forEach((name, value) -> assertThat(r.headers().firstValue(name)).as(name).hasValue(value));
        assertThat(r.body()).isEqualTo(new String(ApiDocs.DOCUMENT, StandardCharsets.UTF_8));
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .containsExactly("type", "title", "status", "detail", "instance", "parameter", "suggestions");
    }

    @Test
    void the_api_page_lists_every_operation_with_an_example_and_the_nav_links_to_it() throws Exception {
        HttpResponse<String> page = send("GET", "/api", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        for (Operation o : operations()) {
            assertThat(page.body()).contains("<code>" + o.method().toUpperCase(Locale.ROOT) + " " + o.path() + "</code>", o.op().path("summary").asText());
        }
        assertThat(page.body()).contains("curl -s 'https://modelatlas.example/api/v1/cost?model=gpt-4.1-mini&amp;input_tokens=1000",
                "-H \"Authorization: Bearer $TOKEN\"", "<a href=\"/api\">API</a>");
        assertThat(send("GET", "/models", null, null).body()).contains("<a href=\"/api\">API</a>");
    }

    @Test
    void every_documented_operation_answers_its_own_example() throws Exception {
        for (Operation o : operations()) { // document order: the PUT of a price table comes before its DELETE
            HttpResponse<String> r = o.call();
            assertThat(r.statusCode()).as("%s %s -> %s: %s", o.method(), o.path(), o.url(), r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as("%s %s", o.method(), o.path())
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        }
    }

    /** A log of each format replay reads, to send with format= forcing it (the foreign ones are the replay tests' fixtures). */
    private static final Map<String, String> LOG_OF_FORMAT = Map.of(
            "auto", "{\"model\":\"gpt-4o-mini\",\"input_tokens\":1000,\"output_tokens\":500}\n",
            "jsonl", "{\"model\":\"gpt-4o-mini\",\"input_tokens\":1000,\"output_tokens\":500}\n",
            "csv", "model,input_tokens,output_tokens\ngpt-4o-mini,1000,500\n",
            "litellm", "litellm-spend-logs.csv",
            "openai-usage", "openai-usage-completions.json",
            "openrouter", "openrouter-activity.csv");

    @Test
    void every_documented_replay_format_is_one_the_server_reads_and_every_format_it_reads_is_documented() throws Exception {
        List<String> documented = new ArrayList<>();
        for (JsonNode p : operation("post", "/api/v1/replay").op().path("parameters")) {
            if (p.path("name").asText().equals("format")) {
                p.path("schema").path("enum").forEach(v -> documented.add(v.asText()));
            }
        }
        List<String> read = new ArrayList<>(List.of("auto"));
        for (io.modelatlas.replay.LogFormat f : io.modelatlas.replay.LogFormat.values()) {
            read.add(f.flag());
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(read);
        for (String format : documented) {
            String log = LOG_OF_FORMAT.get(format);
            if (!log.contains("\n")) {
                try (var in = OpenApiTest.class.getResourceAsStream("/replay/" + log)) {
                    log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            HttpResponse<String> r = send("POST", "/api/v1/replay?models=gpt-4o-mini&format=" + format, Map.entry("text/plain", log), null);
            assertThat(r.statusCode()).as(format).isEqualTo(200);
            JsonNode report = Json.mapper().readTree(r.body());
            assertThat(report.path("format").asText()).as(format).isEqualTo(format.equals("auto") ? "jsonl" : format);
            assertThat(report.path("requests").asLong()).as(format).isPositive();
        }
        HttpResponse<String> unknown = send("POST", "/api/v1/replay?models=gpt-4o-mini&format=splunk", Map.entry("text/plain", LOG_OF_FORMAT.get("jsonl")), null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(unknown.body()).path("parameter").asText()).isEqualTo("format");
    }

    @Test
    void every_api_route_the_app_registers_is_documented_and_the_other_way_round() {
        Set<HandlerType> verbs = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
        Set<String> registered = new TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().stream().map(h -> h.endpoint)
                .filter(e -> verbs.contains(e.method) && e.path.startsWith("/api/v1"))
                .forEach(e -> registered.add(e.method.name() + " " + e.path));
        Set<String> documented = new TreeSet<>();
        operations().forEach(o -> documented.add(o.method().toUpperCase(Locale.ROOT) + " " + o.path()));
        assertThat(registered).as("routes under /api/v1 missing from openapi.json").isSubsetOf(documented);
        assertThat(documented).as("documented operations the app does not register").isSubsetOf(registered);
    }

    @Test
    void main_answers_have_the_documented_properties_and_types_and_nothing_else() throws Exception {
        for (String path : List.of("/api/v1/models", "/api/v1/models/{id}", "/api/v1/compare", "/api/v1/cost", "/api/v1/data-quality",
                "/api/v1/benchmarks", "/api/v1/benchmarks/{id}", "/api/v1/changes", "/api/v1/evals", "/api/v1/evals/{id}", "/api/v1/admin/audit",
                "/api/v1/admin/versions")) {
            Operation o = operation("get", path);
            HttpResponse<String> r = o.call();
            assertThat(r.statusCode()).as(o.url()).isEqualTo(200);
            JsonNode schema = o.op().at("/responses/200/content/application~1json/schema");
            List<String> errors = new ArrayList<>();
            check(Json.mapper().readTree(r.body()), schema, "$", errors);
            assertThat(errors).as("GET %s against its documented schema", o.url()).isEmpty();
        }
        // a model with leaderboard scores, from the bundled catalog (the store's small catalog has none)
        HttpResponse<String> scored = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bundled.port() + "/api/v1/models/gpt-4.1")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode model = Json.mapper().readTree(scored.body());
        assertThat(model.path("leaderboard_scores").size()).isPositive();
        List<String> errors = new ArrayList<>();
        check(model, doc.at("/components/schemas/Model"), "$", errors);
        assertThat(errors).as("GET /api/v1/models/gpt-4.1 (bundled) against its documented schema").isEmpty();
    }

    @Test
    void post_answers_have_the_documented_properties_and_types_and_nothing_else() throws Exception {
        for (String path : List.of("/api/v1/tokens", "/api/v1/replay")) {
            Operation o = operation("post", path);
            HttpResponse<String> r = o.call();
            assertThat(r.statusCode()).as(o.url()).isEqualTo(200);
            List<String> errors = new ArrayList<>();
            check(Json.mapper().readTree(r.body()), o.op().at("/responses/200/content/application~1json/schema"), "$", errors);
            assertThat(errors).as("POST %s against its documented schema", o.url()).isEmpty();
        }
    }

    @Test
    void the_schema_check_catches_a_missing_property_a_wrong_type_and_an_undocumented_one() throws Exception {
        JsonNode schema = doc.at("/components/schemas/ModelPage");
        List<String> errors = new ArrayList<>();
        check(Json.mapper().readTree("{\"total\": \"3\", \"offset\": 0, \"models\": [], \"extra\": 1}"), schema, "$", errors);
        assertThat(errors).containsExactlyInAnyOrder("$.total: expected integer, got string", "$: required 'limit' is missing",
                "$.extra: not in the document");
    }

    /**
     * A small JSON Schema check, enough for this document: {@code $ref}, {@code anyOf}, {@code type} (one or several), {@code required},
     * {@code properties} (an object schema with properties is closed unless it says {@code additionalProperties}),
     * {@code additionalProperties} as a schema, and {@code items}.
     */
    private static void check(JsonNode value, JsonNode schema, String where, List<String> errors) {
        if (schema.has("$ref")) {
            check(value, doc.at(schema.get("$ref").asText().substring(1)), where, errors);
            return;
        }
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.get("anyOf")) {
                List<String> own = new ArrayList<>();
                check(value, option, where, own);
                if (own.isEmpty()) {
                    return;
                }
            }
            errors.add(where + ": matches none of anyOf");
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            if (types.stream().noneMatch(t -> is(value, t))) {
                errors.add(where + ": expected " + String.join(" or ", types) + ", got " + value.getNodeType().name().toLowerCase(Locale.ROOT));
                return;
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    errors.add(where + ": required '" + name.asText() + "' is missing");
                }
            });
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            value.fields().forEachRemaining(f -> {
                String at = where + "." + f.getKey();
                if (properties.has(f.getKey())) {
                    check(f.getValue(), properties.get(f.getKey()), at, errors);
                } else if (additional != null && additional.isObject()) {
                    check(f.getValue(), additional, at, errors);
                } else if (properties.size() > 0 && (additional == null || !additional.asBoolean(true))) {
                    errors.add(at + ": not in the document");
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), where + "[" + i + "]", errors);
            }
        }
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown JSON Schema type " + type);
        };
    }
}
