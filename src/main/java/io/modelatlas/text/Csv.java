package io.modelatlas.text;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields of one CSV line: commas inside double quotes, doubled quotes as a literal quote. */
public final class Csv {
    private Csv() {}

    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(cur.toString());
        return fields;
    }

    /** RFC 4180: a field holding a comma, a quote, CR or LF is written in quotes, with each quote doubled. */
    public static String quote(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * A text cell (an id, a name, a note), safe to open in a spreadsheet: text starting with {@code = + - @}, a tab or
     * CR is read as a formula there, so it gets a leading {@code '} (OWASP's CSV injection rule), then it is quoted as
     * RFC 4180 asks. Numbers do not go through it: a negative amount must stay a number.
     */
    public static String text(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return quote(s);
    }
}
