package io.modelatlas.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * A row of the LiteLLM proxy's {@code LiteLLM_SpendLogs} table (its export, or the table itself), as one request:
 * {@code model} (else {@code model_group}), {@code prompt_tokens} (cached reads included, as LiteLLM counts them),
 * {@code completion_tokens}, {@code startTime}, what the proxy charged ({@code spend}) and {@code request_id}. The
 * cached tokens come from the usage the proxy keeps in {@code metadata.usage_object}: OpenAI's
 * {@code prompt_tokens_details.cached_tokens}, else Anthropic's {@code cache_read_input_tokens}.
 */
final class LiteLlmSpendLog {
    private LiteLlmSpendLog() {}

    /** The fields {@link #request} reads: a JSON export's other columns are skipped unread. */
    static final Set<String> FIELDS = Set.of("model", "model_group", "prompt_tokens", "completion_tokens", "metadata", "startTime", "spend",
            "request_id");

    static LoggedRequest request(LogRows.Row row) {
        String model = row.text("model");
        if (model == null) {
            model = row.text("model_group");
        }
        long prompt = RowValues.whole(row, "prompt_tokens", true);
        long completion = RowValues.whole(row, "completion_tokens", true);
        long cached = cachedTokens(row);
        if (cached > prompt) {
            throw new IllegalArgumentException("metadata.usage_object says " + cached + " cached tokens, more than prompt_tokens (" + prompt + ")");
        }
        return new LoggedRequest(model, prompt, cached, completion, RowValues.time(row, "startTime"), true, 1, RowValues.usd(row, "spend"),
                row.text("request_id"));
    }

    /** The metadata's cached tokens, read in place in a JSON export (the metadata is never copied there). */
    private static final LogRows.NestedReader CACHED_TOKENS = LiteLlmSpendLog::cachedTokenText;

    static final Map<String, LogRows.NestedReader> READ_IN_PLACE = Map.of("metadata", CACHED_TOKENS);

    private static long cachedTokens(LogRows.Row row) {
        try {
            String cached = row.nested("metadata", CACHED_TOKENS);
            return cached == null ? 0 : whole(cached);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the value is in memory: not reached
        }
    }

    /**
     * The text of the cached tokens in {@code metadata.usage_object} (null when not there), read as the metadata
     * streams by from the parser standing on its first token: the rest of it (the key's alias, headers, the whole
     * usage) is only checked to be JSON, never built into a tree. Where a key comes twice the last one counts, as in
     * a tree.
     */
    private static String cachedTokenText(JsonParser p) throws IOException {
        String openAi = null;
        String anthropic = null;
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean usage = p.currentName().equals("usage_object");
                JsonToken value = p.nextToken();
                if (usage) {
                    openAi = null;
                    anthropic = null;
                }
                if (usage && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken v = p.nextToken();
                        if (name.equals("prompt_tokens_details") && v == JsonToken.START_OBJECT) {
                            openAi = null;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                boolean cached = p.currentName().equals("cached_tokens");
                                JsonToken c = p.nextToken();
                                if (cached) {
                                    openAi = number(p, c);
                                }
                                p.skipChildren();
                            }
                        } else if (name.equals("prompt_tokens_details")) {
                            openAi = null;
                        } else if (name.equals("cache_read_input_tokens")) {
                            anthropic = number(p, v);
                        }
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        return openAi != null ? openAi : anthropic;
    }

    /** A number's text, or null when the value is not a number (then it does not count, as before). */
    private static String number(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT ? p.getText() : null;
    }

    private static long whole(String cached) {
        try {
            BigDecimal d = new BigDecimal(cached);
            if (d.signum() >= 0) {
                return d.longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("metadata.usage_object cached tokens must be a non-negative whole number, got " + cached);
    }
}
