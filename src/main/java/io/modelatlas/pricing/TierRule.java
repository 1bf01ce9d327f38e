package io.modelatlas.pricing;

/**
 * How a request's total input tokens are compared with a tier threshold. Providers word it "more than 200K"
 * (Anthropic, LiteLLM's {@code _above_200k_tokens} keys), so {@link #ABOVE} is the default.
 */
public enum TierRule {
    /** total input tokens strictly greater than the threshold. */
    ABOVE,
    /** total input tokens greater than or equal to the threshold. */
    AT_OR_ABOVE;

    boolean crosses(long totalInputTokens, long threshold) {
        return this == ABOVE ? totalInputTokens > threshold : totalInputTokens >= threshold;
    }
}
