package io.modelatlas.api;

import java.util.Arrays;
import java.util.List;

/**
 * A token count: {@code POST /api/v1/tokens}. {@code exact} is false when the model's tokenizer is not public and
 * the count is an o200k_base estimate; {@code basis} says which. {@code characters} counts UTF-16 code units, as the
 * CLI's {@code tokens --format json} does; {@code bytes} the text's UTF-8 bytes. {@code model} only when counted for a model;
 * {@code ids} (the token ids) only when asked for ({@code tokens --ids}).
 */
public record TokenCountJson(String model, String encoding, boolean exact, String basis, int tokens, int characters, long bytes, List<Integer> ids) {

    /** A count without the token ids, as the web API answers. */
    public TokenCountJson(String model, String encoding, boolean exact, String basis, int tokens, int characters, long bytes) {
        this(model, encoding, exact, basis, tokens, characters, bytes, null);
    }

    public static List<Integer> ids(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
