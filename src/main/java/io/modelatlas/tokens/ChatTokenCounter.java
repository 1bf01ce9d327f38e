package io.modelatlas.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prompt tokens of an OpenAI chat request, by the published rules. A request is given as parsed JSON (maps, lists,
 * strings), so this core class needs no JSON library.
 *
 * <ul>
 *   <li>Messages and tools: the OpenAI cookbook's {@code num_tokens_from_messages} (3 tokens per message, 1 per name,
 *       3 to prime the reply; {@code gpt-3.5-turbo-0301}: 4 and -1) and {@code num_tokens_for_tools} (per-function
 *       and per-property constants; o200k models start a function with 7 tokens, older ones with 10). These matched
 *       the API's {@code usage.prompt_tokens} in the cookbook.</li>
 *   <li>Legacy {@code functions} / {@code function_call} requests and {@code function} messages: functions are
 *       rendered as the TypeScript-like namespace the model sees (hmarr/openai-chat-tokens, also used by
 *       gpt-tokenizer), a peer's estimate rather than an API-confirmed rule.</li>
 * </ul>
 */
public final class ChatTokenCounter {
    private final TokenCounter tokens;
    private final String model;

    public ChatTokenCounter(TokenCounter tokens, String model) {
        this.tokens = tokens;
        this.model = model;
    }

    /** Prompt tokens of a request with these messages, tools (new style), functions and function_call (legacy). */
    public int promptTokens(List<Map<String, Object>> messages, List<Map<String, Object>> tools,
                            List<Map<String, Object>> functions, Object functionCall) {
        boolean legacy = (functions != null && !functions.isEmpty()) || functionCall != null
                || messages.stream().anyMatch(m -> "function".equals(m.get("role")) || m.get("function_call") != null);
        if (legacy) {
            return legacyPromptTokens(messages, functions == null ? List.of() : functions, functionCall);
        }
        return cookbookMessages(messages) + (tools == null || tools.isEmpty() ? 0 : cookbookTools(tools));
    }

    /** Tokens a completion uses as output: its text counted as ordinary text. */
    public int completionTokens(String text) {
        return tokens.count(text);
    }

    private int cookbookMessages(List<Map<String, Object>> messages) {
        boolean legacy0301 = model.startsWith("gpt-3.5-turbo-0301");
        int perMessage = legacy0301 ? 4 : 3;
        int perName = legacy0301 ? -1 : 1;
        int n = 0;
        for (Map<String, Object> m : messages) {
            n += perMessage;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                n += tokens.count(text(e.getValue()));
                if (e.getKey().equals("name")) {
                    n += perName;
                }
            }
        }
        return n + 3;
    }

    @SuppressWarnings("unchecked")
    private int cookbookTools(List<Map<String, Object>> tools) {
        boolean o200k = tokens.encoding().equals("o200k_base");
        int funcInit = o200k ? 7 : 10;
        int propInit = 3;
        int propKey = 3;
        int enumInit = -3;
        int enumItem = 3;
        int funcEnd = 12;
        int n = 0;
        for (Map<String, Object> tool : tools) {
            Map<String, Object> f = (Map<String, Object>) tool.getOrDefault("function", tool);
            n += funcInit;
            n += tokens.count(f.get("name") + ":" + trimDot(text(f.get("description"))));
            Map<String, Object> params = (Map<String, Object>) f.getOrDefault("parameters", Map.of());
            Map<String, Object> props = (Map<String, Object>) params.getOrDefault("properties", Map.of());
            if (!props.isEmpty()) {
                n += propInit;
                for (Map.Entry<String, Object> p : props.entrySet()) {
                    n += propKey;
                    Map<String, Object> prop = (Map<String, Object>) p.getValue();
                    Object en = prop.get("enum");
                    if (en instanceof List<?> items) {
                        n += enumInit;
                        for (Object item : items) {
                            n += enumItem + tokens.count(String.valueOf(item));
                        }
                    }
                    n += tokens.count(p.getKey() + ":" + text(prop.get("type")) + ":" + trimDot(text(prop.get("description"))));
                }
            }
        }
        return n + funcEnd;
    }

    @SuppressWarnings("unchecked")
    private int legacyPromptTokens(List<Map<String, Object>> messages, List<Map<String, Object>> functions, Object functionCall) {
        boolean paddedSystem = false;
        int n = 0;
        for (Map<String, Object> m : messages) {
            String content = m.get("content") == null ? null : text(m.get("content"));
            if ("system".equals(m.get("role")) && !functions.isEmpty() && !paddedSystem) {
                content = (content == null ? "" : content) + "\n";
                paddedSystem = true;
            }
            List<String> parts = new ArrayList<>();
            parts.add(text(m.get("role")));
            if (content != null && !content.isEmpty()) {
                parts.add(content);
            }
            if (m.get("name") != null) {
                parts.add(text(m.get("name")));
            }
            Map<String, Object> call = (Map<String, Object>) m.get("function_call");
            if (call != null) {
                if (call.get("name") != null) {
                    parts.add(text(call.get("name")));
                }
                if (call.get("arguments") != null) {
                    parts.add(text(call.get("arguments")));
                }
            }
            for (String p : parts) {
                n += tokens.count(p);
            }
            n += 3;
            if (m.get("name") != null) {
                n += 1;
            }
            if ("function".equals(m.get("role"))) {
                n -= 2;
            }
            if (call != null) {
                n += 3;
            }
        }
        n += 3;
        if (!functions.isEmpty()) {
            n += tokens.count(FunctionSignatures.format(functions)) + 9;
            if (messages.stream().anyMatch(m -> "system".equals(m.get("role")))) {
                n -= 4;
            }
        }
        if (functionCall != null && !"auto".equals(functionCall)) {
            if ("none".equals(functionCall)) {
                n += 1;
            } else if (functionCall instanceof Map<?, ?> named) {
                n += tokens.count(text(named.get("name"))) + 4;
            }
        }
        return n;
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Message content as the model reads it: a string, or the text parts of a content array. */
    @SuppressWarnings("unchecked")
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> parts) {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (p instanceof Map<?, ?> part && part.get("text") != null) {
                    sb.append(part.get("text"));
                } else if (p instanceof String s) {
                    sb.append(s);
                }
            }
            return sb.toString();
        }
        return String.valueOf(value);
    }
}
