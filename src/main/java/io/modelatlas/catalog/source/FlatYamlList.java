package io.modelatlas.catalog.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML file that is one list of flat mappings ({@code - key: value} then {@code   key: value} lines), as
 * Aider's leaderboard is, by hand. Jackson's YAML module drops comments and turns {@code 0.0000} into a number; here
 * every value keeps its exact text, its line and its trailing {@code # comment}, which Aider uses for notes such as
 * {@code total_cost: 0 # incorrect: 6.3174}. Anything else YAML allows (nesting, multi-line scalars, anchors) is
 * rejected with its line rather than misread.
 */
final class FlatYamlList {
    /** One value: its text (quotes removed), its trailing comment or empty, and its 1-based line. */
    record Scalar(String text, String comment, int line) {}

    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?");

    private FlatYamlList() {}

    /** @throws SourceFormatException naming the file and line of the first line that is not of that shape */
    static List<Map<String, Scalar>> read(String text, String file) {
        List<Map<String, Scalar>> entries = new ArrayList<>();
        Map<String, Scalar> current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String pair;
            if (line.startsWith("- ")) {
                current = new LinkedHashMap<>();
                entries.add(current);
                pair = line.substring(2);
            } else if (line.startsWith("  ") && current != null) {
                pair = line.substring(2);
            } else {
                throw new SourceFormatException(file, "line " + lineNo, "expected \"- key: value\" or \"  key: value\" of a list entry");
            }
            Matcher m = PAIR.matcher(pair);
            if (!m.matches()) {
                throw new SourceFormatException(file, "line " + lineNo, "expected \"key: value\", got \"" + pair.strip() + "\"");
            }
            String key = m.group(1);
            Scalar value = scalar(m.group(2) == null ? "" : m.group(2), file, lineNo, key);
            if (current.put(key, value) != null) {
                throw new SourceFormatException(file, "line " + lineNo + " key " + key, "the key appears twice in one entry");
            }
        }
        return entries;
    }

    private static Scalar scalar(String raw, String file, int lineNo, String key) {
        String place = "line " + lineNo + " key " + key;
        String s = raw.strip();
        String text;
        String rest;
        if (s.startsWith("\"") || s.startsWith("'")) {
            char q = s.charAt(0);
            int end = s.indexOf(q, 1);
            if (end < 0) {
                throw new SourceFormatException(file, place, "unterminated quoted value");
            }
            text = s.substring(1, end);
            if (q == '"' && text.indexOf('\\') >= 0 || q == '\'' && end + 1 < s.length() && s.charAt(end + 1) == '\'') {
                throw new SourceFormatException(file, place, "escapes in quoted values are not supported");
            }
            rest = s.substring(end + 1).strip();
        } else {
            int hash = s.indexOf(" #");
            text = (hash < 0 ? s : s.substring(0, hash)).strip();
            rest = hash < 0 ? "" : s.substring(hash).strip();
            if (text.isEmpty() || "|>[{&*!".indexOf(text.charAt(0)) >= 0) {
                throw new SourceFormatException(file, place, "expected a plain value on the key's line (nested, block or flow values are not supported)");
            }
        }
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new SourceFormatException(file, place, "unexpected text after the value: \"" + rest + "\"");
        }
        return new Scalar(text, rest.isEmpty() ? "" : rest.substring(1).strip(), lineNo);
    }
}
