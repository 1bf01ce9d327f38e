package io.modelatlas.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders function definitions as the TypeScript-like namespace OpenAI shows the model, to count their tokens
 * (the rendering hmarr/openai-chat-tokens and gpt-tokenizer use).
 */
final class FunctionSignatures {
    private FunctionSignatures() {}

    @SuppressWarnings("unchecked")
    static String format(List<Map<String, Object>> functions) {
        List<String> lines = new ArrayList<>(List.of("namespace functions {", ""));
        for (Map<String, Object> f : functions) {
            if (f.get("description") != null) {
                lines.add("// " + f.get("description"));
            }
            Map<String, Object> params = (Map<String, Object>) f.getOrDefault("parameters", Map.of());
            Map<String, Object> props = (Map<String, Object>) params.getOrDefault("properties", Map.of());
            if (!props.isEmpty()) {
                lines.add("type " + f.get("name") + " = (_: {");
                lines.add(objectProperties(params, 0));
                lines.add("}) => any;");
            } else {
                lines.add("type " + f.get("name") + " = () => any;");
            }
            lines.add("");
        }
        lines.add("} // namespace functions");
        return String.join("\n", lines);
    }

    @SuppressWarnings("unchecked")
    private static String objectProperties(Map<String, Object> object, int indent) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> props = (Map<String, Object>) object.getOrDefault("properties", Map.of());
        List<Object> required = (List<Object>) object.getOrDefault("required", List.of());
        for (Map.Entry<String, Object> e : props.entrySet()) {
            Map<String, Object> param = (Map<String, Object>) e.getValue();
            if (param.get("description") != null && indent < 2) {
                lines.add("// " + param.get("description"));
            }
            lines.add(e.getKey() + (required.contains(e.getKey()) ? ": " : "?: ") + type(param, indent) + ",");
        }
        String pad = " ".repeat(indent);
        return lines.stream().map(l -> pad + l).collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private static String type(Map<String, Object> param, int indent) {
        Object t = param.get("type");
        List<Object> enums = (List<Object>) param.get("enum");
        if ("string".equals(t)) {
            return enums == null ? "string" : enums.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(" | "));
        }
        if ("number".equals(t) || "integer".equals(t)) {
            return enums == null ? "number" : enums.stream().map(String::valueOf).collect(Collectors.joining(" | "));
        }
        if ("boolean".equals(t)) {
            return "boolean";
        }
        if ("null".equals(t)) {
            return "null";
        }
        if ("object".equals(t)) {
            return String.join("\n", "{", objectProperties(param, indent + 2), "}");
        }
        if ("array".equals(t)) {
            return param.get("items") instanceof Map<?, ?> items ? type((Map<String, Object>) items, indent) + "[]" : "any[]";
        }
        return "";
    }
}
