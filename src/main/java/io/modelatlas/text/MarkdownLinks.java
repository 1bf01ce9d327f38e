package io.modelatlas.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A source's markdown description as safe parts to print: plain text, and links only where the link works. Nothing
 * here writes HTML; the template prints each part's text and href escaped.
 * <ul>
 *   <li>{@code [text](/models/openai/gpt-4o)}, a path on the source's own site, becomes a link to our page of that
 *       model when {@code localPage} knows it, else plain text;</li>
 *   <li>{@code [text](https://...)} stays an external link (the page adds {@code rel="nofollow noopener"});</li>
 *   <li>any other destination ({@code javascript:}, {@code data:}, {@code //host}, a relative path) is dropped and the
 *       link text stays as plain text;</li>
 *   <li>{@code **bold**} and {@code `code`} markers are dropped; brackets inside link text nest.</li>
 * </ul>
 */
public final class MarkdownLinks {
    private MarkdownLinks() {}

    /** Text when {@code href} is null; a link otherwise, {@code external} when it leaves the site. */
    public record Part(String text, String href, boolean external) {
        static Part text(String t) {
            return new Part(t, null, false);
        }

        public boolean isLink() {
            return href != null;
        }
    }

    /** The parts of {@code markdown}; {@code localPage} maps a site-relative path to our page's path, if we have one. */
    public static List<Part> parse(String markdown, Function<String, Optional<String>> localPage) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String s = markdown == null ? "" : markdown.replaceAll("\\s+", " ").trim();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[' || (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '[')) {
                int open = c == '!' ? i + 1 : i;
                int close = matching(s, open, '[', ']');
                if (close > 0 && close + 1 < s.length() && s.charAt(close + 1) == '(') {
                    int end = matching(s, close + 1, '(', ')');
                    if (end > 0) {
                        String label = markers(s.substring(open + 1, close));
                        String href = c == '!' ? null : destination(s.substring(close + 2, end), localPage);
                        if (href == null) {
                            text.append(label);
                        } else {
                            flush(parts, text);
                            parts.add(new Part(label, href, href.startsWith("http")));
                        }
                        i = end + 1;
                        continue;
                    }
                }
            }
            text.append(c);
            i++;
        }
        flush(parts, text);
        return List.copyOf(parts);
    }

    /** The parts' text without the links: for a meta description or a plain-text reader. */
    public static String plain(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.text()));
        return out.toString();
    }

    /**
     * A description its source cut short ({@code "... suited for coding, reasoning, and agentic..."}) ends at its last
     * whole sentence instead; text that is not cut, or that has no whole sentence to end at, is returned whole.
     */
    public static String wholeSentences(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (!t.endsWith("...") && !t.endsWith("…")) {
            return t;
        }
        int depth = 0;
        int lastEnd = -1;
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == '.' || c == '!' || c == '?') && Character.isWhitespace(t.charAt(i + 1)) && !abbreviation(t, i)) {
                lastEnd = i;
            }
        }
        return lastEnd < 0 ? t : t.substring(0, lastEnd + 1);
    }

    private static boolean abbreviation(String t, int dot) {
        String before = t.substring(Math.max(0, dot - 4), dot + 1).toLowerCase(Locale.ROOT);
        return before.endsWith("e.g.") || before.endsWith("i.e.") || before.endsWith(" vs.") || before.endsWith("etc.")
                || (dot > 0 && Character.isDigit(t.charAt(dot - 1)) && dot + 2 < t.length() && Character.isDigit(t.charAt(dot + 2)));
    }

    private static String destination(String raw, Function<String, Optional<String>> localPage) {
        String d = raw.strip();
        if (d.startsWith("<")) {
            int gt = d.indexOf('>');
            d = gt < 0 ? "" : d.substring(1, gt);
        } else {
            int space = d.indexOf(' ');
            d = space < 0 ? d : d.substring(0, space);
        }
        if (d.isEmpty() || d.chars().anyMatch(ch -> ch < 0x20 || ch == '"' || ch == '\'' || ch == '<' || ch == '>' || ch == '\\' || ch == ' ')) {
            return null;
        }
        String lower = d.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return d.length() > lower.indexOf("//") + 2 ? d : null;
        }
        if (d.startsWith("/") && !d.startsWith("//")) {
            return localPage.apply(d).orElse(null);
        }
        return null;
    }

    /** Index of the bracket closing the one at {@code open}, counting nested pairs; -1 when it is not closed. */
    private static int matching(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String markers(String s) {
        return s.replace("**", "").replace("`", "");
    }

    private static void flush(List<Part> parts, StringBuilder text) {
        if (!text.isEmpty()) {
            parts.add(Part.text(markers(text.toString())));
            text.setLength(0);
        }
    }
}
