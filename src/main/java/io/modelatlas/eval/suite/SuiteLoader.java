package io.modelatlas.eval.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelatlas.eval.Assertion;
import io.modelatlas.eval.EvalCase;
import io.modelatlas.eval.Suite;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a suite: a YAML file of cases (see the README's "Evaluate on your own workload"), or a JSONL file of recorded
 * chat requests (one case per line, no assertions). Everything is checked at load, regular expressions and JSON
 * Schemas compiled, so that a run never stops half-way on a typo; each error names the file, the line and the key.
 */
public final class SuiteLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = new JsonNodeFactory(true);
    private static final Set<String> TOP = Set.of("name", "defaults", "cases", "cases_from");
    /**
     * The most a suite file or its {@code cases_from} file may hold: read whole and parsed into requests, a larger
     * file would take far more memory than its size, and every case is a paid request anyway.
     */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Set<String> DEFAULTS = Set.of("request", "system", "assert");
    private static final Set<String> CASE = Set.of("id", "messages", "prompt", "vars", "system", "tools", "tool_choice", "response_format", "request", "assert");
    private static final Set<String> FORBIDDEN = Set.of("model", "stream", "stream_options", "n");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,119}");

    private final JacksonJsonChecks json;

    public SuiteLoader(JacksonJsonChecks json) {
        this.json = json;
    }

    public Suite load(Path path) {
        String file = path.toString();
        byte[] bytes = read(path, file);
        MessageDigest sha = sha256();
        sha.update(bytes);
        String text = utf8(bytes, file);
        if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")) {
            List<EvalCase> cases = jsonl(text, file, List.of(), null);
            return new Suite(stem(path), file, HexFormat.of().formatHex(sha.digest()), cases);
        }
        if (text.length() > YamlTree.MAX_CHARS) {
            throw new SuiteFormatException(file, 0, null, "is larger than " + YamlTree.MAX_CHARS / (1024 * 1024)
                    + " MB; put recorded requests in a JSONL file and name it in 'cases_from'");
        }
        Node root = new YamlTree(file).read(new StringReader(text));
        if (!root.isMap()) {
            throw new SuiteFormatException(file, root.line(), null, "a suite is a mapping with 'cases' (and optionally 'name', 'defaults', 'cases_from')");
        }
        keys(file, root, TOP);
        String name = root.map().containsKey("name") ? string(file, root.map().get("name")) : stem(path);
        Node defaults = root.map().get("defaults");
        ObjectNode defaultRequest = NODES.objectNode();
        String defaultSystem = null;
        List<Assertion> defaultAsserts = List.of();
        if (defaults != null) {
            requireMap(file, defaults);
            keys(file, defaults, DEFAULTS);
            if (defaults.map().containsKey("request")) {
                defaultRequest = requestParameters(file, defaults.map().get("request"));
            }
            if (defaults.map().containsKey("system")) {
                defaultSystem = string(file, defaults.map().get("system"));
            }
            if (defaults.map().containsKey("assert")) {
                defaultAsserts = assertions(file, defaults.map().get("assert"));
            }
        }
        List<EvalCase> cases = new ArrayList<>();
        Node list = root.map().get("cases");
        if (list != null) {
            if (!list.isList()) {
                throw new SuiteFormatException(file, list.line(), "cases", "must be a list of cases");
            }
            for (Node c : list.list()) {
                cases.addAll(cases(file, c, defaultRequest, defaultSystem, defaultAsserts));
            }
        }
        Node from = root.map().get("cases_from");
        if (from != null) {
            String rel = string(file, from);
            Path jsonl = path.toAbsolutePath().getParent().resolve(rel).normalize();
            byte[] more = read(jsonl, file + ":" + from.line() + ": cases_from");
            sha.update(more);
            cases.addAll(jsonl(utf8(more, jsonl.toString()), jsonl.toString(), defaultAsserts, defaultRequest));
        }
        if (cases.isEmpty()) {
            throw new SuiteFormatException(file, root.line(), "cases", "the suite has no cases (give 'cases' or 'cases_from')");
        }
        Set<String> seen = new HashSet<>();
        for (EvalCase c : cases) {
            if (!seen.add(c.id())) {
                throw new SuiteFormatException(file, 0, "cases", "two cases have the id '" + c.id() + "'; ids must differ");
            }
        }
        return new Suite(name, file, HexFormat.of().formatHex(sha.digest()), cases);
    }

    // ---- cases ----

    private List<EvalCase> cases(String file, Node c, ObjectNode defaultRequest, String defaultSystem, List<Assertion> defaultAsserts) {
        requireMap(file, c);
        keys(file, c, CASE);
        Map<String, Node> m = c.map();
        Node idNode = m.get("id");
        if (idNode == null) {
            throw new SuiteFormatException(file, c.line(), c.path(), "a case needs an 'id' (letters, digits, '.', '_', ':', '/', '-')");
        }
        String id = string(file, idNode);
        if (!ID.matcher(id).matches()) {
            throw new SuiteFormatException(file, idNode.line(), idNode.path(), "ids are 1 to 120 letters, digits, '.', '_', ':', '/' or '-', got '" + id + "'");
        }
        if (m.containsKey("messages") == m.containsKey("prompt")) {
            throw new SuiteFormatException(file, c.line(), c.path(), "a case has either 'messages' or 'prompt' (with optional 'vars'), not " + (m.containsKey("prompt") ? "both" : "neither"));
        }
        List<Assertion> asserts = new ArrayList<>(defaultAsserts);
        if (m.containsKey("assert")) {
            asserts.addAll(assertions(file, m.get("assert")));
        }
        ObjectNode request = defaultRequest.deepCopy();
        if (m.containsKey("request")) {
            request.setAll(requestParameters(file, m.get("request")));
        }
        for (String k : List.of("tools", "tool_choice", "response_format")) {
            if (m.containsKey(k)) {
                request.set(k, toJson(m.get(k)));
            }
        }
        String system = m.containsKey("system") ? string(file, m.get("system")) : defaultSystem;
        if (m.containsKey("messages")) {
            ObjectNode r = request.deepCopy();
            Node messages = m.get("messages");
            checkMessages(file, messages);
            if (system != null && m.containsKey("system")) {
                throw new SuiteFormatException(file, m.get("system").line(), m.get("system").path(), "'system' goes with 'prompt'; with 'messages', write the system message in the list");
            }
            r.set("messages", toJson(messages));
            return List.of(new EvalCase(id, r.toString(), lastUser(r), asserts));
        }
        Node prompt = m.get("prompt");
        String template = string(file, prompt);
        Node vars = m.get("vars");
        List<Map<String, String>> bindings = new ArrayList<>();
        if (vars == null) {
            bindings.add(Map.of());
        } else if (vars.isMap()) {
            bindings.add(variables(file, vars));
        } else if (vars.isList()) {
            for (Node v : vars.list()) {
                requireMap(file, v);
                bindings.add(variables(file, v));
            }
            if (bindings.isEmpty()) {
                throw new SuiteFormatException(file, vars.line(), vars.path(), "an empty list gives no case");
            }
        } else {
            throw new SuiteFormatException(file, vars.line(), vars.path(), "must be a mapping of variable names to values, or a list of such mappings (one case each)");
        }
        List<EvalCase> out = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            String text = fill(file, prompt, template, bindings.get(i));
            ObjectNode r = request.deepCopy();
            var msgs = r.putArray("messages");
            if (system != null) {
                msgs.addObject().put("role", "system").put("content", fill(file, prompt, system, bindings.get(i)));
            }
            msgs.addObject().put("role", "user").put("content", text);
            String caseId = vars != null && vars.isList() ? id + "-" + (i + 1) : id;
            out.add(new EvalCase(caseId, r.toString(), text, asserts));
        }
        return out;
    }

    private Map<String, String> variables(String file, Node vars) {
        Map<String, String> out = new LinkedHashMap<>();
        vars.map().forEach((k, v) -> {
            if (!v.isScalar() || v.isNull()) {
                throw new SuiteFormatException(file, v.line(), v.path(), "a variable's value must be text or a number");
            }
            out.put(k, v.scalar().text());
        });
        return out;
    }

    private static String fill(String file, Node where, String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new SuiteFormatException(file, where.line(), where.path(), "the variable '" + m.group(1) + "' has no value in 'vars'"
                        + (vars.isEmpty() ? "" : " (it has " + String.join(", ", vars.keySet()) + ")"));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void checkMessages(String file, Node messages) {
        if (!messages.isList() || messages.list().isEmpty()) {
            throw new SuiteFormatException(file, messages.line(), messages.path(), "must be a non-empty list of {role, content} messages");
        }
        for (Node msg : messages.list()) {
            requireMap(file, msg);
            Node role = msg.map().get("role");
            if (role == null || !role.isScalar() || role.isNull()) {
                throw new SuiteFormatException(file, msg.line(), msg.path(), "a message needs a 'role' (system, developer, user, assistant or tool)");
            }
            if (!Set.of("system", "developer", "user", "assistant", "tool").contains(role.scalar().text())) {
                throw new SuiteFormatException(file, role.line(), role.path(), "unknown role '" + role.scalar().text() + "'; expected system, developer, user, assistant or tool");
            }
        }
    }

    private ObjectNode requestParameters(String file, Node n) {
        requireMap(file, n);
        for (Map.Entry<String, Node> e : n.map().entrySet()) {
            if (FORBIDDEN.contains(e.getKey())) {
                throw new SuiteFormatException(file, e.getValue().line(), e.getValue().path(), "is set per target by the runner and cannot be set in a suite");
            }
            if (e.getKey().equals("messages")) {
                throw new SuiteFormatException(file, e.getValue().line(), e.getValue().path(), "messages go in the case, not in 'request'");
            }
        }
        return (ObjectNode) toJson(n);
    }

    // ---- assertions ----

    private List<Assertion> assertions(String file, Node list) {
        if (!list.isList()) {
            throw new SuiteFormatException(file, list.line(), list.path(), "must be a list, e.g. [{contains: \"30 days\"}, {max_latency_ms: 2000}]");
        }
        List<Assertion> out = new ArrayList<>();
        for (Node a : list.list()) {
            if (!a.isMap() || a.map().size() != 1) {
                throw new SuiteFormatException(file, a.line(), a.path(), "each assertion is one 'kind: value' pair (equals, contains, not_contains, regex, json, json_schema, max_latency_ms, max_ttft_ms, max_cost_usd, judge)");
            }
            Map.Entry<String, Node> e = a.map().entrySet().iterator().next();
            out.addAll(assertion(file, e.getKey(), e.getValue()));
        }
        return out;
    }

    private List<Assertion> assertion(String file, String kind, Node v) {
        try {
            return switch (kind) {
                case "equals" -> List.of(new Assertion.Equals(string(file, v)));
                case "contains" -> v.isList() ? v.list().stream().<Assertion>map(x -> new Assertion.Contains(string(file, x))).toList()
                        : List.of(new Assertion.Contains(string(file, v)));
                case "not_contains" -> v.isList() ? v.list().stream().<Assertion>map(x -> new Assertion.NotContains(string(file, x))).toList()
                        : List.of(new Assertion.NotContains(string(file, v)));
                case "regex" -> List.of(new Assertion.Regex(regex(file, v)));
                case "json" -> {
                    if (!v.isScalar() || v.scalar().type() != JsonToken.VALUE_TRUE) {
                        throw new SuiteFormatException(file, v.line(), v.path(), "write 'json: true' to require valid JSON");
                    }
                    yield List.of(new Assertion.ValidJson());
                }
                case "json_schema" -> {
                    if (!v.isMap()) {
                        throw new SuiteFormatException(file, v.line(), v.path(), "must be a JSON Schema written as a mapping");
                    }
                    String schema = toJson(v).toString();
                    json.schema(schema);
                    yield List.of(new Assertion.MatchesSchema(schema));
                }
                case "max_latency_ms" -> List.of(new Assertion.MaxLatency(Duration.ofMillis(whole(file, v))));
                case "max_ttft_ms" -> List.of(new Assertion.MaxTimeToFirstToken(Duration.ofMillis(whole(file, v))));
                case "max_cost_usd" -> List.of(new Assertion.MaxCost(decimal(file, v)));
                case "judge" -> List.of(new Assertion.Judge(string(file, v)));
                default -> throw new SuiteFormatException(file, v.line(), v.path(), "unknown assertion '" + kind
                        + "'; expected equals, contains, not_contains, regex, json, json_schema, max_latency_ms, max_ttft_ms, max_cost_usd or judge");
            };
        } catch (SuiteFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SuiteFormatException(file, v.line(), v.path(), e.getMessage());
        }
    }

    private static Pattern regex(String file, Node v) {
        String p = string(file, v);
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new SuiteFormatException(file, v.line(), v.path(), "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static long whole(String file, Node v) {
        if (!v.isScalar() || v.scalar().type() != JsonToken.VALUE_NUMBER_INT) {
            throw new SuiteFormatException(file, v.line(), v.path(), "must be a whole number of milliseconds, got '" + text(v) + "'");
        }
        long n = new BigInteger(v.scalar().text()).longValueExact();
        if (n <= 0) {
            throw new SuiteFormatException(file, v.line(), v.path(), "must be positive, got " + n);
        }
        return n;
    }

    /** Money from the text as written, never through a double. */
    private static BigDecimal decimal(String file, Node v) {
        if (!v.isScalar() || v.scalar().text() == null) {
            throw new SuiteFormatException(file, v.line(), v.path(), "must be a number of dollars, e.g. 0.002");
        }
        try {
            BigDecimal d = new BigDecimal(v.scalar().text().trim().replaceFirst("^\\$", ""));
            if (d.signum() <= 0) {
                throw new SuiteFormatException(file, v.line(), v.path(), "must be a positive number of dollars, got " + d.toPlainString());
            }
            return d;
        } catch (NumberFormatException e) {
            throw new SuiteFormatException(file, v.line(), v.path(), "must be a number of dollars, e.g. 0.002, got '" + v.scalar().text() + "'");
        }
    }

    // ---- recorded requests ----

    private List<EvalCase> jsonl(String text, String file, List<Assertion> asserts, ObjectNode defaults) {
        List<EvalCase> out = new ArrayList<>();
        Map<String, Integer> idLines = new java.util.HashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                throw new SuiteFormatException(file, lineNo, null, "nested more than "
                        + com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels deep");
            } catch (JsonProcessingException e) {
                throw new SuiteFormatException(file, lineNo, null, "not valid JSON: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) {
                throw new SuiteFormatException(file, lineNo, null, "expected one JSON object per line");
            }
            JsonNode request = n.has("request") ? n.get("request") : n;
            if (!request.isObject() || !request.path("messages").isArray() || request.path("messages").isEmpty()) {
                throw new SuiteFormatException(file, lineNo, "messages", "a recorded chat request needs a non-empty 'messages' list");
            }
            ObjectNode r = defaults == null ? NODES.objectNode() : defaults.deepCopy();
            for (Map.Entry<String, JsonNode> f : request.properties()) {
                if (!FORBIDDEN.contains(f.getKey())) {
                    r.set(f.getKey(), f.getValue());
                }
            }
            String id = n.path("id").isTextual() && ID.matcher(n.get("id").asText()).matches() ? n.get("id").asText() : "line-" + lineNo;
            Integer first = idLines.putIfAbsent(id, lineNo);
            if (first != null) {
                throw new SuiteFormatException(file, lineNo, "id", "the id '" + id + "' is also on line " + first + "; ids must differ");
            }
            out.add(new EvalCase(id, r.toString(), lastUser(r), asserts));
        }
        if (out.isEmpty()) {
            throw new SuiteFormatException(file, 0, null, "no recorded requests in the file");
        }
        return out;
    }

    // ---- helpers ----

    private static String lastUser(JsonNode request) {
        String last = "";
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                JsonNode c = m.path("content");
                if (c.isTextual()) {
                    last = c.asText();
                } else if (c.isArray()) {
                    StringBuilder b = new StringBuilder();
                    for (JsonNode part : c) {
                        if (part.path("text").isTextual()) {
                            b.append(b.length() > 0 ? "\n" : "").append(part.get("text").asText());
                        }
                    }
                    last = b.toString();
                }
            }
        }
        return last;
    }

    private static JsonNode toJson(Node n) {
        if (n.isMap()) {
            ObjectNode o = NODES.objectNode();
            n.map().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (n.isList()) {
            var a = NODES.arrayNode();
            n.list().forEach(v -> a.add(toJson(v)));
            return a;
        }
        Node.Scalar s = n.scalar();
        return switch (s.type()) {
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NUMBER_INT -> NODES.numberNode(new BigInteger(s.text()));
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(new BigDecimal(s.text()));
            default -> NODES.textNode(s.text());
        };
    }

    private static void keys(String file, Node n, Set<String> allowed) {
        for (Map.Entry<String, Node> e : n.map().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new SuiteFormatException(file, e.getValue().line(), e.getValue().path(), "unknown key; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static void requireMap(String file, Node n) {
        if (!n.isMap()) {
            throw new SuiteFormatException(file, n.line(), n.path(), "must be a mapping (key: value)");
        }
    }

    private static String string(String file, Node n) {
        if (!n.isScalar() || n.isNull()) {
            throw new SuiteFormatException(file, n.line(), n.path(), "must be text, got " + (n.isMap() ? "a mapping" : n.isList() ? "a list" : "nothing"));
        }
        return n.scalar().text();
    }

    private static String text(Node n) {
        return n.isScalar() ? String.valueOf(n.scalar().text()) : n.isMap() ? "a mapping" : "a list";
    }

    /** Reads a suite or its {@code cases_from} file whole, once its size is known to be within {@link #MAX_FILE_BYTES}. */
    private static byte[] read(Path path, String name) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new SuiteFormatException(name, 0, null, path + " is " + size / (1024 * 1024) + " MB, more than the "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MB a suite may read; split its cases into several suites");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new SuiteFormatException(name, 0, null, "no such file: " + path);
        } catch (IOException e) {
            throw new SuiteFormatException(name, 0, null, "cannot read " + path + ": " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes, String file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            throw new SuiteFormatException(file, 0, null, "is not UTF-8 text");
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
