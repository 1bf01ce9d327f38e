package io.modelatlas.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A small seeded mutation fuzzer: each case is a valid input damaged in one of the ways files and parameters are
 * damaged in practice (cut short, a byte flipped, a value swapped for one of the wrong type or sign, markup, control
 * characters, huge numbers, deep nesting). Seeded so that a failure names the seed that reproduces it.
 */
public final class Mutator {
    /** Values that have broken parsers: wrong types, signs, sizes, encodings. */
    public static final List<String> NASTY_VALUES = List.of("null", "-1", "-0.0", "\"x\"", "\"\"", "[]", "{}", "true", "1e999", "-1e999",
            "99999999999999999999999999", "0.0000000000000000000000001", "\"4e-07\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"",
            "\"\\ud800\"", "NaN", "Infinity", "\"2025-02-31\"", "\"9999-99-99\"", "[".repeat(5000) + "]".repeat(5000));
    /** Query-parameter values: numbers at the edges, junk, markup, encodings, long strings. */
    public static final List<String> NASTY_PARAMS = List.of("", " ", "-1", "0", "1e3", "9223372036854775807", "9223372036854775808",
            "99999999999999999999", "NaN", "0x10", "1.5", "abc", "%00", "%", "%zz", "<script>alert(1)</script>", "\"'", "../../etc/passwd",
            "a,b,c,d,e,f,g", ",,,", "gpt-4.1,gpt-4.1", "\u00e9\u4e2d\ud83d\ude00", "x".repeat(5000));

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One damaged copy of a JSON text. */
    public byte[] mutateJson(String json) {
        return switch (random.nextInt(6)) {
            case 0 -> json.substring(0, random.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
            case 1 -> flipByte(json.getBytes(StandardCharsets.UTF_8));
            case 2 -> replaceValue(json, pick(NASTY_VALUES)).getBytes(StandardCharsets.UTF_8);
            case 3 -> replaceValue(replaceValue(json, pick(NASTY_VALUES)), pick(NASTY_VALUES)).getBytes(StandardCharsets.UTF_8);
            case 4 -> insertAt(json, pick(List.of(",", "}", "]", "\"", ":", "\u0000", "\uFEFF", "\\"))).getBytes(StandardCharsets.UTF_8);
            default -> duplicateKey(json).getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] flipByte(byte[] bytes) {
        int i = random.nextInt(bytes.length);
        bytes[i] = (byte) (bytes[i] ^ (1 << random.nextInt(8)));
        return bytes;
    }

    /** Replaces the value after a random {@code ": "} with {@code value}. */
    private String replaceValue(String json, String value) {
        int from = random.nextInt(json.length());
        int colon = json.indexOf(": ", from);
        if (colon < 0) {
            colon = json.indexOf(": ");
        }
        int start = colon + 2;
        int end = start;
        char first = json.charAt(start);
        if (first == '"') {
            end = json.indexOf('"', start + 1) + 1;
        } else if (first == '{' || first == '[') {
            end = start + 1; // cut into the structure: the rest stays, which makes it unbalanced or oddly shaped
        } else {
            while (end < json.length() && ",}\n]".indexOf(json.charAt(end)) < 0) {
                end++;
            }
        }
        return json.substring(0, start) + value + json.substring(end);
    }

    private String insertAt(String json, String text) {
        int i = random.nextInt(json.length());
        return json.substring(0, i) + text + json.substring(i);
    }

    private String duplicateKey(String json) {
        int i = json.indexOf("\n    \"", random.nextInt(json.length()));
        if (i < 0) {
            return json;
        }
        int end = json.indexOf('\n', i + 1);
        return json.substring(0, end) + json.substring(i, end) + json.substring(end);
    }
}
