package io.modelatlas.catalog.source;

import java.util.Optional;

/**
 * What an id (a model key, a provider, an alias) may be, checked where it enters the catalog. Ids become file paths
 * in {@code export-site} and URL paths on the site: a key {@code ..} would write over {@code models/index.html}, and a
 * NUL, a line break or a bidi override breaks files, logs and what a reader sees.
 */
final class Ids {
    static final int MAX_LENGTH = 256;

    private Ids() {}

    /** What is wrong with {@code id}, or empty when it may be used. */
    static Optional<String> problem(String id) {
        if (id.isEmpty()) {
            return Optional.of("an id cannot be empty");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("an id may be at most " + MAX_LENGTH + " characters long, got " + id.length());
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (isControl(c)) {
                return Optional.of("an id cannot hold control or bidi characters, found U+" + String.format("%04X", (int) c) + " at " + i);
            }
        }
        // both separators: a backslash is a path separator on Windows, where an exported site may be unpacked
        for (String segment : id.split("[/\\\\]", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("an id cannot be or hold the path segment \"" + segment + "\"");
            }
        }
        return Optional.empty();
    }

    /** C0 and C1 controls, DEL, and the marks that reorder text (U+061C, U+200E/F, U+202A to U+202E, U+2066 to U+2069). */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * The id as it may appear in a message or a JSON path: control characters written as backslash-u escapes so that the
     * message stays one readable line, and cut after 80 characters.
     */
    static String printable(String id) {
        StringBuilder b = new StringBuilder();
        int end = Math.min(id.length(), 80);
        for (int i = 0; i < end; i++) {
            char c = id.charAt(i);
            b.append(isControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return id.length() > end ? b.append('…').toString() : b.toString();
    }
}
