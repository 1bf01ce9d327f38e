package io.modelatlas.replay;

import java.util.Set;

/**
 * A row of OpenRouter's activity export. Per generation (the CSV of the Activity page): {@code generation_id},
 * {@code created_at}, {@code cost_total}, {@code tokens_prompt}, {@code tokens_completion} (reasoning included, as
 * OpenRouter bills it), {@code tokens_cached}, {@code model_permaslug}, {@code provider_name}. Per day (its activity
 * API, {@code {"data": [...]}}): {@code date}, {@code model_permaslug}, {@code usage} (USD), {@code requests},
 * {@code prompt_tokens}, {@code completion_tokens}: a sum of that day's requests.
 */
final class OpenRouterActivity {
    private OpenRouterActivity() {}

    /** The fields {@link #request} reads, per generation and per day: a JSON export's others are skipped unread. */
    static final Set<String> FIELDS = Set.of("model_permaslug", "model", "generation_id", "created_at", "cost_total", "tokens_prompt",
            "tokens_completion", "tokens_cached", "date", "usage", "requests", "prompt_tokens", "completion_tokens");

    static LoggedRequest request(LogRows.Row row) {
        String model = row.text("model_permaslug");
        if (model == null) {
            model = row.text("model");
        }
        if (row.text("tokens_prompt") != null || row.text("generation_id") != null) {
            long prompt = RowValues.whole(row, "tokens_prompt", true);
            long cached = RowValues.whole(row, "tokens_cached", false);
            if (cached > prompt) {
                throw new IllegalArgumentException("tokens_cached (" + cached + ") cannot exceed tokens_prompt (" + prompt + ")");
            }
            return new LoggedRequest(model, prompt, cached, RowValues.whole(row, "tokens_completion", true), RowValues.time(row, "created_at"), true, 1,
                    RowValues.usd(row, "cost_total"), row.text("generation_id"));
        }
        long requests = RowValues.whole(row, "requests", true);
        if (requests == 0) {
            throw new IllegalArgumentException("requests is 0");
        }
        return new LoggedRequest(model, RowValues.whole(row, "prompt_tokens", true), 0, RowValues.whole(row, "completion_tokens", true),
                RowValues.time(row, "date"), true, requests, RowValues.usd(row, "usage"), row.text("date"));
    }
}
