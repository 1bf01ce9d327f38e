package io.modelatlas.web;

import io.modelatlas.text.Clip;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a request's raw query string before any handler reads it. Javalin quietly drops a parameter whose value has
 * a bad percent-escape ({@code model=%zz} read as "model is missing") and keeps the first of a repeated one
 * ({@code input_tokens=1&input_tokens=2} read as 1): both are a 400 naming the parameter instead, so that a request
 * means one thing. No parameter of the site or API is repeatable.
 */
final class QueryString {
    /** How much of a malformed parameter name an error quotes. */
    private static final int QUOTED = 60;

    private QueryString() {}

    static void check(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName).orElseThrow(() -> badEscape(Clip.clip(rawName, QUOTED), "its name"));
            if (eq >= 0 && decode(pair.substring(eq + 1)).isEmpty()) {
                throw badEscape(name, "its value");
            }
            if (!seen.add(name)) {
                throw new BadParameterException(name, "query parameter '" + Clip.clip(name, QUOTED) + "' is given more than once; give it once");
            }
        }
    }

    private static BadParameterException badEscape(String name, String where) {
        return new BadParameterException(name, "query parameter '" + Clip.clip(name, QUOTED) + "' has a malformed percent-escape in " + where
                + " (% must be followed by two hex digits, and the bytes must be UTF-8)");
    }

    /** Form-decodes ({@code +} is a space) one name or value, or empty when an escape is malformed or the bytes are not UTF-8. */
    static Optional<String> decode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s.replace('+', ' '));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? hex(s.charAt(i + 1)) : -1;
                int lo = hi < 0 ? -1 : hex(s.charAt(i + 2));
                if (lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** An ASCII hex digit's value, else -1 ({@code Character.digit} takes other scripts' digits too). */
    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
