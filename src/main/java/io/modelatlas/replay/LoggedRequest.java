package io.modelatlas.replay;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One request of a log, or, for logs that only keep sums ({@link LogFormat#OPENAI_USAGE} buckets, OpenRouter per-day
 * rows), the summed usage of {@code requests} requests: token counts (input includes cached, as in OpenAI's usage),
 * the model it was recorded on, its time if known, whether the counts were measured by the provider or counted from
 * the text, and, where the log keeps it, what it was charged ({@code loggedUsd}) and its id in that log. {@code batch}:
 * they went through a provider's Batch API, so they are priced at each model's batch tier.
 */
public record LoggedRequest(String model, long inputTokens, long cachedInputTokens, long outputTokens, Instant timestamp, boolean measured,
                            long requests, BigDecimal loggedUsd, String id, boolean batch) {
    /**
     * A hundred times the largest context window there is: a count above it is a broken log, not a request. It also
     * keeps the replay's sums in a long (they would need nine billion such lines to overflow).
     */
    public static final long MAX_TOKENS = 1_000_000_000L;

    public LoggedRequest {
        if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        if (requests < 1) {
            throw new IllegalArgumentException("a usage row stands for at least 1 request, got " + requests);
        }
        // a sum of requests may hold more tokens than one request can, but not more than that many requests can
        long max = Math.multiplyHigh(MAX_TOKENS, requests) == 0 ? MAX_TOKENS * requests : Long.MAX_VALUE;
        if (inputTokens > max || outputTokens > max) {
            throw new IllegalArgumentException((inputTokens > max ? "input tokens " + inputTokens : "output tokens " + outputTokens)
                    + " is more than " + (requests == 1 ? "any request holds" : requests + " requests hold") + " (at most " + max + ")");
        }
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("cached_input_tokens (" + cachedInputTokens + ") cannot exceed input_tokens (" + inputTokens + ")");
        }
        if (loggedUsd != null && loggedUsd.signum() < 0) {
            throw new IllegalArgumentException("the logged cost cannot be negative, got " + loggedUsd.toPlainString());
        }
    }

    /** Requests sent one by one (not through a Batch API), priced at the standard tier. */
    public LoggedRequest(String model, long inputTokens, long cachedInputTokens, long outputTokens, Instant timestamp, boolean measured,
                         long requests, BigDecimal loggedUsd, String id) {
        this(model, inputTokens, cachedInputTokens, outputTokens, timestamp, measured, requests, loggedUsd, id, false);
    }

    /** One request of our own log shapes: no logged cost, no id. */
    public LoggedRequest(String model, long inputTokens, long cachedInputTokens, long outputTokens, Instant timestamp, boolean measured) {
        this(model, inputTokens, cachedInputTokens, outputTokens, timestamp, measured, 1, null, null);
    }

    /** Whether this row is a sum of requests, whose sizes one by one the log does not keep. */
    public boolean aggregated() {
        return requests > 1;
    }
}
