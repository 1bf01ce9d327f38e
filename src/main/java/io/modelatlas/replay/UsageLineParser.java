package io.modelatlas.replay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The fast path for the commonest line of a large log, a flat usage record such as
 * {@code {"model":"gpt-4.1-mini","input_tokens":1200,"output_tokens":80,"cached_input_tokens":0,"timestamp":1746057600}},
 * read straight from the line's bytes: no decoding to a String, no parser object, the model name kept from the
 * previous line when its bytes are the same. It reads only the plain form (no escapes in strings, whole numbers
 * without sign, fraction or exponent, no nested values) and answers null for anything else, so that the full JSON
 * parser reads that line and reports what is wrong with it in its own words. Not thread-safe (it remembers the last
 * model name).
 */
final class UsageLineParser {
    private byte[] lastModelBytes = new byte[0];
    private String lastModel;

    private byte[] b;
    private int i;
    private int end;

    /** The request on bytes [0, length) of line, or null when the line is not a plain flat usage record. */
    LoggedRequest parse(byte[] line, int length) {
        b = line;
        i = 0;
        end = length;
        String model = null;
        long in = -1;
        long out = -1;
        long cached = 0;
        Instant ts = null;
        skipSpace();
        if (!eat('{')) {
            return null;
        }
        skipSpace();
        if (eat('}')) {
            return null;
        }
        while (true) {
            skipSpace();
            int keyFrom = i + 1;
            int keyTo = string();
            if (keyTo < 0) {
                return null;
            }
            skipSpace();
            if (!eat(':')) {
                return null;
            }
            skipSpace();
            Key key = key(keyFrom, keyTo);
            if (key == null) {
                return null;
            }
            switch (key) {
                case MODEL -> {
                    if (i < end && b[i] == '"') {
                        int from = i + 1;
                        int to = string();
                        if (to < 0) {
                            return null;
                        }
                        model = model(from, to);
                        if (model == null) {
                            return null;
                        }
                    } else if (literal("null")) {
                        model = null;
                    } else {
                        return null;
                    }
                }
                case INPUT -> in = whole();
                case OUTPUT -> out = whole();
                case CACHED -> cached = whole();
                case TIMESTAMP -> {
                    if (i < end && b[i] == '"') {
                        int from = i + 1;
                        int to = string();
                        if (to < 0) {
                            return null;
                        }
                        ts = time(from, to);
                    } else {
                        long seconds = whole();
                        if (seconds < 0 || seconds >= LogReader.MAX_EPOCH_SECONDS) {
                            return null;
                        }
                        ts = Instant.ofEpochSecond(seconds);
                    }
                    if (ts == null) {
                        return null;
                    }
                }
                case OTHER -> {
                    if (!skipScalar()) {
                        return null;
                    }
                }
                default -> throw new IllegalStateException(key.name());
            }
            if (in == -2 || out == -2 || cached == -2) {
                return null;
            }
            skipSpace();
            if (eat(',')) {
                continue;
            }
            if (eat('}')) {
                break;
            }
            return null;
        }
        skipSpace();
        if (i != end || in < 0 || out < 0 || cached > in || in > LoggedRequest.MAX_TOKENS || out > LoggedRequest.MAX_TOKENS) {
            return null;
        }
        return new LoggedRequest(model, in, cached, out, ts, true);
    }

    private enum Key { MODEL, INPUT, OUTPUT, CACHED, TIMESTAMP, OTHER }

    private Key key(int from, int to) {
        if (is(from, to, "model")) {
            return Key.MODEL;
        }
        if (is(from, to, "input_tokens")) {
            return Key.INPUT;
        }
        if (is(from, to, "output_tokens")) {
            return Key.OUTPUT;
        }
        if (is(from, to, "cached_input_tokens")) {
            return Key.CACHED;
        }
        if (is(from, to, "timestamp") || is(from, to, "created")) {
            return Key.TIMESTAMP;
        }
        // a line with messages or a usage object is a chat request: the full reader takes it
        if (is(from, to, "messages") || is(from, to, "request") || is(from, to, "usage")) {
            return null;
        }
        return Key.OTHER;
    }

    private boolean is(int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[from + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The model name, or null when it is not plain ASCII (the full reader decodes and checks it). */
    private String model(int from, int to) {
        int n = to - from;
        for (int k = from; k < to; k++) {
            if (b[k] < 0) {
                return null;
            }
        }
        if (lastModel != null && Arrays.equals(lastModelBytes, 0, lastModelBytes.length, b, from, to)) {
            return lastModel;
        }
        lastModelBytes = Arrays.copyOfRange(b, from, to);
        lastModel = new String(b, from, n, StandardCharsets.UTF_8);
        return lastModel;
    }

    /** Epoch seconds as digits, or an ISO-8601 instant; null for anything else (the full reader explains). */
    private Instant time(int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        try {
            return s.chars().allMatch(Character::isDigit) && !s.isEmpty() ? LogReader.epochSeconds(Long.parseLong(s)) : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** After an opening quote at i: moves past the closing one and returns its index, or -1 (escape, control, end). */
    private int string() {
        if (i >= end || b[i] != '"') {
            return -1;
        }
        for (int k = i + 1; k < end; k++) {
            byte c = b[k];
            if (c == '"') {
                i = k + 1;
                return k;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return -1;
            }
        }
        return -1;
    }

    /** A whole number without sign, at most 18 digits; -2 for anything else. */
    private long whole() {
        int from = i;
        long v = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9' && i - from < 18) {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        if (i == from || (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E' || (b[i] >= '0' && b[i] <= '9')))) {
            return -2;
        }
        if (b[from] == '0' && i - from > 1) {
            return -2;
        }
        return v;
    }

    /** Skips a string, a number, true, false or null; false for an object, an array or anything malformed. */
    private boolean skipScalar() {
        if (i >= end) {
            return false;
        }
        byte c = b[i];
        if (c == '"') {
            return string() >= 0;
        }
        if (c == 't') {
            return literal("true");
        }
        if (c == 'f') {
            return literal("false");
        }
        if (c == 'n') {
            return literal("null");
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            // leave exotic numbers to the full parser
            int from = i;
            if (b[i] == '-') {
                i++;
            }
            while (i < end && ((b[i] >= '0' && b[i] <= '9') || b[i] == '.' || b[i] == 'e' || b[i] == 'E' || b[i] == '+' || b[i] == '-')) {
                i++;
            }
            return i > from + (c == '-' ? 1 : 0) && plainNumber(from, i);
        }
        return false;
    }

    private boolean plainNumber(int from, int to) {
        try {
            new java.math.BigDecimal(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean literal(String word) {
        if (end - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += word.length();
        return true;
    }

    private boolean eat(char c) {
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
    }
}
