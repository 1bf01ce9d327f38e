package io.modelatlas.tokens;

/**
 * Counts the tokens of text for one model family. Text is encoded as ordinary text: a special-token string such as
 * {@code <|endoftext|>} inside a log line is counted as the characters it is (tiktoken's {@code encode_ordinary}),
 * never rejected and never turned into a control token.
 */
public interface TokenCounter {

    /** The tiktoken encoding used, e.g. {@code o200k_base}. */
    String encoding();

    /** True when the count is the model's own tokenizer's; false for a labelled estimate. */
    boolean exact();

    /** How the count is obtained, and its expected error when it is an estimate. */
    String basis();

    int count(String text);

    int[] encode(String text);

    /** Encodes with special-token strings recognised as their control tokens (tiktoken {@code allowed_special="all"}). */
    int[] encodeWithSpecialTokens(String text);

    /**
     * The ids of the longest prefix of {@code text} that fits in {@code maxTokens} tokens and decodes to a prefix of
     * the text (ordinary text, as jtokkit's {@code encodeOrdinary(text, maxTokens)}). Truncation is returned as data.
     *
     * @throws IllegalArgumentException if maxTokens is negative
     */
    EncodedPrefix encodePrefix(String text, int maxTokens);
}
