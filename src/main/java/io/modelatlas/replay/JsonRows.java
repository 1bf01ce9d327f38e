package io.modelatlas.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The records of a JSON export, read with the streaming parser: each element of a top-level array, each top-level
 * object (JSON Lines), and each element of a top-level object's {@code data} array (the other fields of such a page
 * are skipped). Only the fields the format reads are kept; the others are skipped token by token, so a LiteLLM row's
 * other columns (its key, its endpoint, its messages) cost no String and no tree. A kept scalar is kept as the text a
 * tree would give ({@link JsonNode#asText()}: a float as its exact decimal, never a double); a kept nested value is
 * built into a tree, unless the format reads it where it stands (a spend log's metadata: {@link LogRows.NestedReader}).
 */
final class JsonRows {
    private JsonRows() {}

    /**
     * Reads every record and hands it on. Malformed JSON ends the read with a {@link BadLineException} naming its
     * line: past it, where the next record starts cannot be known.
     *
     * @param fields the fields the handler reads (every other one is skipped)
     */
    static void read(InputStream in, LogRows.Handler handler, String file, Set<String> fields) throws IOException {
        read(in, handler, file, fields, Map.of(), 0);
    }

    /**
     * The same for a part of a file whose first line is number {@code linesBefore + 1} (a part read on its own
     * thread, see LogRanges): every line reported is the file's.
     *
     * @param readInPlace the kept nested fields read where they stand, by the reader the format will ask with
     *     ({@link LogRows.Row#nested}): such a value is never copied
     */
    static void read(InputStream in, LogRows.Handler handler, String file, Set<String> fields, Map<String, LogRows.NestedReader> readInPlace,
            long linesBefore) throws IOException {
        StreamedRow row = new StreamedRow(fields, readInPlace, linesBefore);
        try (JsonParser p = LogRows.JSON.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    elements(p, handler, row);
                } else if (t == JsonToken.START_OBJECT) {
                    object(p, handler, row);
                } else {
                    handler.bad(row.lineOf(p), "expected a JSON object or array, got " + p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : linesBefore + e.getLocation().getLineNr();
            throw new MalformedJsonException(file, line, "not valid JSON (" + e.getOriginalMessage() + "); the rest of the file cannot be read");
        }
    }

    private static void elements(JsonParser p, LogRows.Handler handler, StreamedRow row) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = row.lineOf(p);
            if (t == JsonToken.START_OBJECT) {
                row.start(line);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    row.field(name, p.nextToken(), p);
                }
                handler.row(row);
            } else {
                JsonNode n = p.readValueAsTree();
                handler.bad(line, "expected a JSON object, got " + n);
            }
        }
    }

    /** A top-level object: a record, or a page whose {@code data} array holds them (streamed, not held). */
    private static void object(JsonParser p, LogRows.Handler handler, StreamedRow row) throws IOException {
        long line = row.lineOf(p);
        boolean page = false;
        row.start(line);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("data") && value == JsonToken.START_ARRAY) {
                page = true;
                elements(p, handler, row);
            } else if (page) {
                p.skipChildren(); // the page's own fields (has_more, next_page) are no record
            } else {
                row.field(name, value, p);
            }
        }
        if (!page) {
            handler.row(row);
        }
    }

    /**
     * Malformed JSON: past it, where the next record starts cannot be known. A read in parts reads such a file again
     * in one go, since a part's cut may then not be a record's start.
     */
    static final class MalformedJsonException extends BadLineException {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String file, long line, String reason) {
            super(file, line, reason);
        }
    }

    /**
     * The record being read: its kept fields as text (scalars) or trees (nested values). One instance serves every
     * record of a read, so a handler must not keep it past {@link LogRows.Handler#row}.
     */
    private static final class StreamedRow implements LogRows.Row {
        private final Set<String> kept;
        private final Map<String, LogRows.NestedReader> readInPlace;
        private final Map<String, Object> values = new HashMap<>();
        private final long linesBefore;
        private long line;

        StreamedRow(Set<String> kept, Map<String, LogRows.NestedReader> readInPlace, long linesBefore) {
            this.kept = kept;
            this.readInPlace = readInPlace;
            this.linesBefore = linesBefore;
        }

        /** A nested value read where it stood, by its reader. */
        private record ReadInPlace(LogRows.NestedReader reader, String value) {}

        /** The file's line of the parser's current token. */
        long lineOf(JsonParser p) {
            return linesBefore + p.currentTokenLocation().getLineNr();
        }

        void start(long line) {
            this.line = line;
            values.clear();
        }

        /**
         * A field whose value {@code t} is the parser's current token: kept or skipped. Where a name comes twice the
         * last value counts, as in a tree; a null counts as absent.
         */
        void field(String name, JsonToken t, JsonParser p) throws IOException {
            if (!kept.contains(name)) {
                p.skipChildren();
                return;
            }
            LogRows.NestedReader reader = readInPlace.get(name);
            if (reader != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
                values.put(name, new ReadInPlace(reader, reader.read(p)));
                return;
            }
            Object value = switch (t) {
                case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getText();
                // "-0" is 0 in a tree
                case VALUE_NUMBER_INT -> p.getTextLength() == 2 && p.getText().equals("-0") ? "0" : p.getText();
                case VALUE_NUMBER_FLOAT -> decimalText(p);
                case VALUE_NULL -> null;
                default -> p.readValueAsTree();
            };
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        }

        /**
         * A float's text as a tree gives it (its exact decimal, trailing zeros stripped, never a double). The common
         * form, plain digits with no trailing zero and at most six zeros after the point (which BigDecimal's text would
         * write with an exponent), is that text already; another goes through the tree's decimal.
         */
        private static String decimalText(JsonParser p) throws IOException {
            String text = p.getText();
            int point = text.indexOf('.');
            boolean plain = point > 0 && text.charAt(text.length() - 1) != '0' && !text.startsWith("0.000000", text.charAt(0) == '-' ? 1 : 0);
            for (int i = 0; plain && i < text.length(); i++) {
                char c = text.charAt(i);
                plain = c >= '0' && c <= '9' || c == '.' || (c == '-' && i == 0);
            }
            return plain ? text : ((JsonNode) p.readValueAsTree()).asText();
        }

        @Override
        public long line() {
            return line;
        }

        /** A kept value: text or a tree (a value read in place is only what its reader made of it). */
        private Object inMemory(String field) {
            Object v = values.get(field);
            if (v instanceof ReadInPlace) {
                throw new IllegalStateException(field + " was read in place: ask for it with nested()");
            }
            return v;
        }

        @Override
        public String nested(String field, LogRows.NestedReader reader) throws IOException {
            if (values.get(field) instanceof ReadInPlace read) {
                if (read.reader() != reader) {
                    throw new IllegalStateException(field + " was read in place by another reader");
                }
                return read.value();
            }
            return LogRows.Row.super.nested(field, reader);
        }

        @Override
        public String text(String field) {
            Object v = inMemory(field);
            String s = v == null ? null : v instanceof String text ? text : v.toString();
            return s == null || s.isEmpty() ? null : s;
        }

        @Override
        public JsonNode json(String field) {
            Object v = inMemory(field);
            if (v instanceof String text) {
                // LiteLLM's JSON exports may carry metadata as a JSON string
                try {
                    return text.isBlank() ? null : LogRows.JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(field + " is not valid JSON (" + e.getOriginalMessage() + ")");
                }
            }
            return (JsonNode) v;
        }

        @Override
        public JsonParser stream(String field) throws IOException {
            Object v = inMemory(field);
            if (v instanceof String text) {
                return text.isBlank() ? null : LogRows.JSON.getFactory().createParser(text);
            }
            return v == null ? null : ((JsonNode) v).traverse(LogRows.JSON);
        }
    }
}
