package io.modelatlas.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Compact JSON for data embedded in pages (chart data in attributes, FAQ JSON-LD in a script element), from maps,
 * lists, strings and numbers. Not Jackson: building its tree and serialising it cost more than the rest of a
 * comparison page's model (an export renders thousands), and it wrote money from a tree as {@code 5E+1}; here a
 * BigDecimal is always written plain.
 */
final class PageJson {
    private PageJson() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String comma = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(comma);
                string(out, (String) e.getKey());
                out.append(':');
                append(out, e.getValue());
                comma = ",";
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            String comma = "";
            for (Object item : list) {
                out.append(comma);
                append(out, item);
                comma = ",";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no page JSON for a " + value.getClass().getName());
        }
    }

    /**
     * A JSON string: quote, backslash and control characters escaped, and {@code <}, {@code >} and {@code &} as
     * {@code \\u003c}, {@code \\u003e} and {@code \\u0026}, so that inside a {@code <script>} element nothing in the
     * data can end the element or read as markup. Runs of other characters are copied as they are.
     */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        int copied = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                continue;
            }
            out.append(s, copied, i);
            copied = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append(s, copied, s.length()).append('"');
    }
}
