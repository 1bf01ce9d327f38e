package io.modelatlas.tokens;

import java.util.Arrays;

/**
 * The ids of a text's longest prefix that fits a token budget and decodes to a prefix of the text, and whether the
 * text was cut. Truncation is data, not an exception (jtokkit's {@code EncodingResult}).
 */
public record EncodedPrefix(int[] ids, boolean truncated) {
    public EncodedPrefix {
        ids = ids.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    public int count() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedPrefix p && p.truncated == truncated && Arrays.equals(p.ids, ids);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return "EncodedPrefix" + Arrays.toString(ids) + (truncated ? " (truncated)" : "");
    }
}
