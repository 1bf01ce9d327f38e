package io.modelatlas.replay;

import java.time.Instant;

/**
 * One request of a log: token counts (input includes cached, as in OpenAI's usage), the model it was recorded on, its
 * time if known, and whether the counts were measured by the provider or counted from the text.
 */
public record LoggedRequest(String model, long inputTokens, long cachedInputTokens, long outputTokens, Instant timestamp, boolean measured) {
    /**
     * A hundred times the largest context window there is: a count above it is a broken log, not a request. It also
     * keeps the replay's sums in a long (they would need nine billion such lines to overflow).
     */
    public static final long MAX_TOKENS = 1_000_000_000L;

    public LoggedRequest {
        if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        if (inputTokens > MAX_TOKENS || outputTokens > MAX_TOKENS) {
            throw new IllegalArgumentException((inputTokens > MAX_TOKENS ? "input tokens " + inputTokens : "output tokens " + outputTokens)
                    + " is more than any request holds (at most " + MAX_TOKENS + ")");
        }
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("cached_input_tokens (" + cachedInputTokens + ") cannot exceed input_tokens (" + inputTokens + ")");
        }
    }
}
