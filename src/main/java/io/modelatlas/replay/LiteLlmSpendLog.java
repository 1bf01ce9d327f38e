package io.modelatlas.replay;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A row of the LiteLLM proxy's {@code LiteLLM_SpendLogs} table (its export, or the table itself), as one request:
 * {@code model} (else {@code model_group}), {@code prompt_tokens} (cached reads included, as LiteLLM counts them),
 * {@code completion_tokens}, {@code startTime}, what the proxy charged ({@code spend}) and {@code request_id}. The
 * cached tokens come from the usage the proxy keeps in {@code metadata.usage_object}: OpenAI's
 * {@code prompt_tokens_details.cached_tokens}, else Anthropic's {@code cache_read_input_tokens}.
 */
final class LiteLlmSpendLog {
    private LiteLlmSpendLog() {}

    static LoggedRequest request(LogRows.Row row) {
        String model = row.text("model");
        if (model == null) {
            model = row.text("model_group");
        }
        long prompt = RowValues.whole(row, "prompt_tokens", true);
        long completion = RowValues.whole(row, "completion_tokens", true);
        long cached = cachedTokens(row.json("metadata"));
        if (cached > prompt) {
            throw new IllegalArgumentException("metadata.usage_object says " + cached + " cached tokens, more than prompt_tokens (" + prompt + ")");
        }
        return new LoggedRequest(model, prompt, cached, completion, RowValues.time(row, "startTime"), true, 1, RowValues.usd(row, "spend"),
                row.text("request_id"));
    }

    private static long cachedTokens(JsonNode metadata) {
        if (metadata == null) {
            return 0;
        }
        JsonNode usage = metadata.path("usage_object");
        JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
        if (!cached.isNumber()) {
            cached = usage.path("cache_read_input_tokens");
        }
        if (!cached.isNumber()) {
            return 0;
        }
        if (!cached.canConvertToExactIntegral() || cached.asLong() < 0) {
            throw new IllegalArgumentException("metadata.usage_object cached tokens must be a non-negative whole number, got " + cached);
        }
        return cached.asLong();
    }
}
