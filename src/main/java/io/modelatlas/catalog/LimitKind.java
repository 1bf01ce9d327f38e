package io.modelatlas.catalog;

/**
 * The three token limits a provider refuses a request by, and what of a request counts against each: the one
 * definition used by {@link Limits#check}, by request-log replay's overflow counts and so by every page and command.
 */
public enum LimitKind {
    /** Input and output together: the window the whole exchange must fit in. */
    CONTEXT_WINDOW("context_window", "context window", "tokens (input + output)"),
    /** The prompt alone; some models take less input than their window (GPT-5 Mini: 272,000 of 400,000). */
    MAX_INPUT("max_input_tokens", "max input", "input tokens"),
    /** The completion alone, reasoning included. */
    MAX_OUTPUT("max_output_tokens", "max output", "output tokens");

    private final String jsonName;
    private final String label;
    private final String requestedLabel;

    LimitKind(String jsonName, String label, String requestedLabel) {
        this.jsonName = jsonName;
        this.label = label;
        this.requestedLabel = requestedLabel;
    }

    /** {@code max_input_tokens}: the name of the limit in the JSON API, the same as the model's field. */
    public String jsonName() {
        return jsonName;
    }

    /** {@code max input}: for sentences such as "150,000 input tokens > max input 131,072". */
    public String label() {
        return label;
    }

    /** What the requested count is: "input tokens", "output tokens", "tokens (input + output)". */
    public String requestedLabel() {
        return requestedLabel;
    }

    /** The tokens of a request that count against this limit. */
    public long requested(long inputTokens, long outputTokens) {
        return switch (this) {
            case CONTEXT_WINDOW -> inputTokens + outputTokens;
            case MAX_INPUT -> inputTokens;
            case MAX_OUTPUT -> outputTokens;
        };
    }

    /** A limit is a maximum: a request of exactly the limit fits, one token more does not. */
    public static boolean exceeds(long requestedTokens, long limitTokens) {
        return requestedTokens > limitTokens;
    }
}
