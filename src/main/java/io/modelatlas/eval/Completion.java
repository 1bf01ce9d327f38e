package io.modelatlas.eval;

import java.time.Duration;
import java.util.Objects;

/**
 * One answer of an endpoint, with what was measured while it arrived.
 *
 * @param text             the answer's text; for an answer made only of tool calls, the calls as JSON
 * @param inputTokens      prompt tokens, cached ones included (OpenAI's {@code usage.prompt_tokens})
 * @param usageMeasured    true when the endpoint reported the usage, false when it was counted from the text
 * @param timeToFirstToken from sending the request to the first content; null when not streamed
 * @param latency          from sending the request to the end of the answer
 */
public record Completion(String text, long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens,
                         boolean usageMeasured, Duration timeToFirstToken, Duration latency, String finishReason) {
    public Completion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(latency, "latency");
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        cachedInputTokens = Math.min(cachedInputTokens, inputTokens);
        reasoningTokens = Math.min(reasoningTokens, outputTokens);
    }
}
