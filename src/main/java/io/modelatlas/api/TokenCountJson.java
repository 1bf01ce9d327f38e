package io.modelatlas.api;

/**
 * A token count: {@code POST /api/v1/tokens}. {@code exact} is false when the model's tokenizer is not public and
 * the count is an o200k_base estimate; {@code basis} says which. {@code characters} counts UTF-16 code units, as the
 * CLI's {@code tokens --format json} does.
 */
public record TokenCountJson(String model, String encoding, boolean exact, String basis, int tokens, int characters, long bytes) {}
