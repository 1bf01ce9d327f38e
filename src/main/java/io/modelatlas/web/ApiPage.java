package io.modelatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything {@code api/page.jte} prints: each operation of the OpenAPI document, with its parameters and a curl line. */
public record ApiPage(Meta meta, String title, String description, List<Operation> operations) {

    /** One method on one path. {@code admin} marks operations that need the bearer token. */
    public record Operation(String method, String path, String summary, String tag, boolean admin, List<Parameter> parameters, String curl) {}

    /** A path or query parameter: {@code type} is its schema type, with the allowed values when there is a fixed set. */
    public record Parameter(String name, String in, String type, boolean required, String description, List<String> allowed) {}

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    static ApiPage of(JsonNode doc, String baseUrl) {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : METHODS) {
                JsonNode op = p.getValue().get(method);
                if (op != null) {
                    ops.add(operation(method, p.getKey(), op, baseUrl));
                }
            }
        }
        JsonNode info = doc.path("info");
        return new ApiPage(new Meta("API — OpenAPI " + doc.path("openapi").asText() + " reference | ModelAtlas",
                "Every route of the ModelAtlas JSON API: parameters, answers, errors and an example request each.", baseUrl + "/api", null),
                info.path("title").asText(), info.path("description").asText(), ops);
    }

    private static Operation operation(String method, String path, JsonNode op, String baseUrl) {
        List<Parameter> params = new ArrayList<>();
        String url = path;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            JsonNode schema = p.path("schema");
            List<String> allowed = new ArrayList<>();
            schema.path("enum").forEach(e -> allowed.add(e.asText()));
            boolean required = p.path("required").asBoolean();
            params.add(new Parameter(p.path("name").asText(), p.path("in").asText(), schema.path("type").asText("string"), required,
                    p.path("description").asText(), allowed));
            JsonNode example = p.get("example");
            if (example == null) {
                continue;
            }
            if (p.path("in").asText().equals("path")) {
                url = url.replace("{" + p.path("name").asText() + "}", example.asText());
            } else {
                query.append(query.isEmpty() ? "?" : "&").append(p.path("name").asText()).append('=')
                        .append(URLEncoder.encode(example.asText(), StandardCharsets.UTF_8).replace("%2C", ","));
            }
        }
        boolean admin = op.has("security");
        StringBuilder curl = new StringBuilder("curl -s");
        if (!method.equals("get")) {
            curl.append(" -X ").append(method.toUpperCase(Locale.ROOT));
        }
        if (admin) {
            curl.append(" -H \"Authorization: Bearer $TOKEN\"");
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.fields().hasNext()) {
            Map.Entry<String, JsonNode> body = content.fields().next();
            curl.append(" -H 'Content-Type: ").append(body.getKey()).append('\'');
            curl.append(body.getKey().contains("json") && !body.getKey().contains("ndjson") ? " -d '" + body.getValue().path("example") + "'" : " --data-binary @requests.jsonl");
        }
        curl.append(" '").append(baseUrl).append(url).append(query).append('\'');
        return new Operation(method.toUpperCase(Locale.ROOT), path, op.path("summary").asText(), op.path("tags").path(0).asText(), admin, params, curl.toString());
    }
}
