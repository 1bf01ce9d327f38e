package io.modelatlas.eval.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelatlas.eval.Assertion;
import io.modelatlas.eval.AssertionResult;
import io.modelatlas.eval.EvalCase;
import io.modelatlas.eval.RunSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON a run's cases, settings and assertion results are stored as, so that a resumed run sends exactly the cases
 * it started with even when the suite file has changed since. Money stays a decimal string.
 */
public final class RunCodec {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RunCodec() {}

    public static String writeCase(EvalCase c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", c.id());
        n.set("request", read(c.requestJson()));
        n.put("input", c.input());
        ArrayNode asserts = n.putArray("assert");
        for (Assertion a : c.assertions()) {
            ObjectNode o = asserts.addObject();
            if (a instanceof Assertion.Equals e) {
                o.put(a.kind(), e.expected());
            } else if (a instanceof Assertion.Contains e) {
                o.put(a.kind(), e.text());
            } else if (a instanceof Assertion.NotContains e) {
                o.put(a.kind(), e.text());
            } else if (a instanceof Assertion.Regex e) {
                o.put(a.kind(), e.pattern().pattern());
            } else if (a instanceof Assertion.ValidJson) {
                o.put(a.kind(), true);
            } else if (a instanceof Assertion.MatchesSchema e) {
                o.set(a.kind(), read(e.schemaJson()));
            } else if (a instanceof Assertion.MaxLatency e) {
                o.put(a.kind(), e.limit().toMillis());
            } else if (a instanceof Assertion.MaxTimeToFirstToken e) {
                o.put(a.kind(), e.limit().toMillis());
            } else if (a instanceof Assertion.MaxCost e) {
                o.put(a.kind(), e.usd().toPlainString());
            } else if (a instanceof Assertion.Judge e) {
                o.put(a.kind(), e.rubric());
            }
        }
        return n.toString();
    }

    public static EvalCase readCase(String json) {
        JsonNode n = read(json);
        List<Assertion> asserts = new ArrayList<>();
        for (JsonNode a : n.path("assert")) {
            String kind = a.fieldNames().next();
            JsonNode v = a.get(kind);
            asserts.add(switch (kind) {
                case "equals" -> new Assertion.Equals(v.asText());
                case "contains" -> new Assertion.Contains(v.asText());
                case "not_contains" -> new Assertion.NotContains(v.asText());
                case "regex" -> new Assertion.Regex(Pattern.compile(v.asText()));
                case "json" -> new Assertion.ValidJson();
                case "json_schema" -> new Assertion.MatchesSchema(v.toString());
                case "max_latency_ms" -> new Assertion.MaxLatency(Duration.ofMillis(v.asLong()));
                case "max_ttft_ms" -> new Assertion.MaxTimeToFirstToken(Duration.ofMillis(v.asLong()));
                case "max_cost_usd" -> new Assertion.MaxCost(new BigDecimal(v.asText()));
                case "judge" -> new Assertion.Judge(v.asText());
                default -> throw new IllegalStateException("stored case has an unknown assertion '" + kind + "'");
            });
        }
        return new EvalCase(n.get("id").asText(), n.get("request").toString(), n.path("input").asText(""), asserts);
    }

    public static String writeSettings(RunSettings s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("concurrency", s.concurrency());
        n.put("per_minute", s.perMinute());
        n.put("timeout_ms", s.timeout().toMillis());
        n.put("retries", s.retries());
        n.put("backoff_ms", s.backoff().toMillis());
        n.put("max_wait_ms", s.maxWait().toMillis());
        n.put("monthly_volume", s.monthlyVolume());
        if (s.baseline() != null) {
            n.put("baseline", s.baseline());
        }
        return n.toString();
    }

    public static RunSettings readSettings(String json) {
        JsonNode n = read(json);
        return new RunSettings(n.get("concurrency").asInt(), n.get("per_minute").asInt(), Duration.ofMillis(n.get("timeout_ms").asLong()),
                n.get("retries").asInt(), Duration.ofMillis(n.get("backoff_ms").asLong()), Duration.ofMillis(n.get("max_wait_ms").asLong()),
                n.get("monthly_volume").asLong(), n.hasNonNull("baseline") ? n.get("baseline").asText() : null);
    }

    public static String writeResults(List<AssertionResult> results) {
        ArrayNode a = JSON.createArrayNode();
        for (AssertionResult r : results) {
            ObjectNode o = a.addObject();
            o.put("kind", r.kind());
            o.put("description", r.description());
            o.put("outcome", r.outcome().name());
            if (r.detail() != null) {
                o.put("detail", r.detail());
            }
        }
        return a.toString();
    }

    public static List<AssertionResult> readResults(String json) {
        List<AssertionResult> out = new ArrayList<>();
        for (JsonNode o : read(json)) {
            out.add(new AssertionResult(o.get("kind").asText(), o.get("description").asText(), AssertionResult.Outcome.valueOf(o.get("outcome").asText()),
                    o.hasNonNull("detail") ? o.get("detail").asText() : null));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
