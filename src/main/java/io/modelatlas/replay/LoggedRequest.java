package io.modelatlas.replay;

import java.time.Instant;

/**
 * One request of a log: token counts (input includes cached, as in OpenAI's usage), the model it was recorded on, its
 * time if known, and whether the counts were measured by the provider or counted from the text.
 */
public record LoggedRequest(String model, long inputTokens, long cachedInputTokens, long outputTokens, Instant timestamp, boolean measured) {
    public LoggedRequest {
        if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("cached_input_tokens (" + cachedInputTokens + ") cannot exceed input_tokens (" + inputTokens + ")");
        }
    }
}
