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

    /** Numbers that overflow, underflow or are not whole: what a log's token counts should never be, but are. */
    public static final List<String> NASTY_NUMBERS = List.of("9223372036854775807", "9223372036854775808", "4611686018427387904",
            "1000000000000", "99999999999999999999999999", "1e308", "1e3", "1.5", "-1", "-0", "0x10", "007", "+5", "NaN", "");
    /** A value nested past any parser's depth limit, and one just inside it. */
    public static final String DEEP = "[".repeat(3000) + "]".repeat(3000);

    /**
     * One damaged copy of a line-oriented log (JSONL or CSV): one to three of the damages logs suffer, each on a random
     * line or byte. {@code \n} separates lines, as in the logs the product reads.
     */
    public byte[] mutateLog(String log) {
        byte[] out = log.getBytes(StandardCharsets.UTF_8);
        int damages = 1 + random.nextInt(3);
        for (int d = 0; d < damages; d++) {
            out = damageLog(out);
        }
        return out;
    }

    private byte[] damageLog(byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return switch (random.nextInt(13)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)); // cut short, maybe inside a character
            case 1 -> flipByte(bytes.clone());
            case 2 -> insertBytes(bytes, pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {0}))); // invalid UTF-8 (overlong, surrogate, cut), NUL
            case 3 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes); // a byte order mark
            case 4 -> text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            case 5 -> replaceNumber(text, pick(NASTY_NUMBERS.subList(0, 6))).getBytes(StandardCharsets.UTF_8); // huge
            case 6 -> replaceNumber(text, pick(List.of("-1", "-0", "-9223372036854775808"))).getBytes(StandardCharsets.UTF_8); // negative
            case 7 -> (random.nextBoolean() ? replaceNumber(text, pick(NASTY_VALUES)) : replaceNumber(text, pick(NASTY_NUMBERS))).getBytes(StandardCharsets.UTF_8);
            case 8 -> onLine(text, line -> random.nextBoolean() ? line.replaceFirst("\\{", "{\"x\":" + DEEP + ",")
                    : pick(List.of("{}", "[]", "null", "\"text\"", DEEP, "{\"request\":[],\"response\":7}", "{\"messages\":\"hi\"}"))).getBytes(StandardCharsets.UTF_8);
            case 9 -> onLine(text, line -> line.replaceFirst("\"(model|content)\":\"", "\"$1\":\"" + "x".repeat(200_000))).getBytes(StandardCharsets.UTF_8);
            case 10 -> onLine(text, line -> line + "\n" + line + "\n" + line).getBytes(StandardCharsets.UTF_8); // repeated (sums grow)
            case 11 -> onLine(text, line -> pick(List.of("", " ", "\t", " \t ", "\r")) + "\n" + line).getBytes(StandardCharsets.UTF_8);
            default -> mutateJson(text);
        };
    }

    /** YAML scalars and fragments that have broken YAML loaders: other bases, special floats, tags, aliases, flow junk. */
    public static final List<String> NASTY_YAML = List.of("0x1F", "0o17", "1_000", "+12", ".inf", "-.inf", ".nan", "~", "null", "", "''", "\"", "'",
            "99999999999999999999999", "-1", "0", "1e999", "!!binary aGk=", "!!python/object/apply:os.system [ls]", "!!java.io.File [/etc/passwd]",
            "*nowhere", "&a x", "<<: {}", "{", "[", "}", "]", "? complex", "- - -", "|", ">-", "%YAML 1.1", "---", "...", "\t", "@x", "`x`",
            "{a: [b, {c: [d]}]}", "[" + "[".repeat(200) + "]".repeat(200) + "]", "\"\\ud800\"", "\"\\x00\"", "<script>alert(1)</script>");

    /** One damaged copy of a YAML text: one to three damages to its lines, scalars, indentation or bytes. */
    public byte[] mutateYaml(String yaml) {
        String text = yaml;
        int damages = 1 + random.nextInt(3);
        for (int d = 0; d < damages && !text.isEmpty(); d++) {
            text = switch (random.nextInt(9)) {
                case 0 -> text.substring(0, random.nextInt(text.length() + 1));
                case 1 -> new String(flipByte(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                case 2, 3 -> replaceScalar(text, pick(NASTY_YAML));
                case 4 -> onLine(text, line -> pick(List.of("", " ", "  ", "\t", "    ")) + line); // indentation off
                case 5 -> onLine(text, line -> line.stripLeading()); // a nested line pulled to the top
                case 6 -> onLine(text, line -> line + "\n" + line); // a key written twice
                case 7 -> onLine(text, line -> pick(NASTY_YAML));
                default -> insertAt(text, pick(List.of(":", "- ", "#", "\"", "'", "{", "[", "\u0000", "\uFEFF", "&x ", "*x", "!!str ", "\t")));
            };
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces the value after a random {@code ": "} or {@code "- "} up to the end of its line. */
    private String replaceScalar(String text, String value) {
        int from = random.nextInt(text.length());
        int at = text.indexOf(random.nextBoolean() ? ": " : "- ", from);
        if (at < 0) {
            return text + value;
        }
        int end = text.indexOf('\n', at);
        return text.substring(0, at + 2) + value + (end < 0 ? "" : text.substring(end));
    }

    private String replaceNumber(String text, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w.-])\\d+(?![\\w.:-])").matcher(text);
        List<int[]> spans = new java.util.ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = pick(spans);
        return text.substring(0, s[0]) + value + text.substring(s[1]);
    }

    private String onLine(String text, java.util.function.UnaryOperator<String> change) {
        String[] lines = text.split("\n", -1);
        int i = random.nextInt(lines.length);
        lines[i] = change.apply(lines[i]);
        return String.join("\n", lines);
    }

    private byte[] insertBytes(byte[] bytes, byte[] inserted) {
        int i = random.nextInt(bytes.length + 1);
        return concat(concat(java.util.Arrays.copyOf(bytes, i), inserted), java.util.Arrays.copyOfRange(bytes, i, bytes.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
