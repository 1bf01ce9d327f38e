package io.modelatlas.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Map;

/**
 * The records of another tool's export, one at a time and in constant memory, whatever its container: CSV with a
 * header (quoted fields may span lines, as a database's CSV export writes a JSON column), or JSON (one array, JSON
 * Lines, or an object whose {@code data} list holds them, as API pages do: {@link JsonRows}). Each record knows the
 * line it starts on. Numbers are kept as their text (BigDecimal), so a logged cost is never read through a double.
 */
final class LogRows {
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** One record: its fields by name, as text (null when absent or empty) or as JSON (for nested values). */
    interface Row {
        long line();

        String text(String field);

        /** A nested value: a JSON object or array, or a field holding JSON as text (a CSV cell); null when absent. */
        JsonNode json(String field);

        /**
         * The same value as a stream of tokens, for reading a few fields of a large value without building its tree
         * (a spend log's {@code metadata}); null when absent. The caller closes it.
         */
        JsonParser stream(String field) throws IOException;

        /**
         * What {@code reader} makes of a nested value, null when the field is absent. A JSON export's row has read
         * it as the parser passed it (see {@link JsonRows}), so the value was neither copied nor built; any other row
         * reads it from {@link #stream}.
         */
        default String nested(String field, NestedReader reader) throws IOException {
            try (JsonParser p = stream(field)) {
                if (p == null) {
                    return null;
                }
                p.nextToken();
                return reader.read(p);
            }
        }
    }

    /** Reads a nested value from the parser standing on its first token, consuming exactly that value. */
    @FunctionalInterface
    interface NestedReader {
        String read(JsonParser p) throws IOException;
    }

    /** What is done with each record, and with a record that cannot be read at all. */
    interface Handler {
        void row(Row row);

        /** A record that is not one (bad JSON, wrong column count): reported with its line, reading goes on. */
        void bad(long line, String reason);
    }

    private LogRows() {}

    /** A longer CSV record is refused: a spend log's row with its prompt stored is large, but not this large. */
    private static final int MAX_RECORD_CHARS = LogLines.MAX_LINE_BYTES;

    static void csv(LogLines in, Handler handler, String file) throws IOException {
        Map<String, Integer> header = null;
        CsvRecord record = new CsvRecord();
        CsvRow row = null;
        while (in.next()) {
            long first = in.number();
            if (in.tooLong()) {
                handler.bad(first, "longer than " + in.maxLineBytes() / (1024 * 1024) + " MB");
                continue;
            }
            if (in.blank()) {
                continue;
            }
            record.start(in.bytes(), in.length());
            // a quoted field holding line breaks continues on the next lines: an odd number of quotes so far
            while (record.open() && record.length() < MAX_RECORD_CHARS && in.next()) {
                record.continueWith(in.bytes(), in.length());
            }
            try {
                record.checkUtf8();
            } catch (CharacterCodingException e) {
                if (header == null) {
                    throw new BadLineException(file, first, "the CSV header is not valid UTF-8");
                }
                handler.bad(first, "not valid UTF-8");
                continue;
            }
            try {
                record.split();
            } catch (IllegalArgumentException e) {
                handler.bad(first, e.getMessage());
                continue;
            }
            if (header == null) {
                header = new HashMap<>();
                for (int i = 0; i < record.fields(); i++) {
                    String name = record.text(i);
                    header.put(name == null ? "" : name, i);
                }
                row = new CsvRow(header, record);
                continue;
            }
            if (record.fields() != header.size()) {
                handler.bad(first, "expected " + header.size() + " columns, got " + record.fields());
                continue;
            }
            row.line = first;
            handler.row(row);
        }
    }

    /** A row handed in as column → text (a database row): JSON columns as their text, times as ISO-8601. */
    record MapRow(long line, Map<String, String> columns) implements Row {
        @Override
        public String text(String field) {
            String v = columns.get(field);
            return v == null || v.isBlank() ? null : v.trim();
        }

        @Override
        public JsonNode json(String field) {
            return tree(field, text(field));
        }

        @Override
        public JsonParser stream(String field) throws IOException {
            String v = text(field);
            return v == null ? null : JSON.getFactory().createParser(v);
        }
    }

    private static JsonNode tree(String field, String v) {
        if (v == null) {
            return null;
        }
        try {
            return JSON.readTree(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(field + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * The current record of a CSV read, its fields by the header's names; one instance serves every record, so a
     * handler must not keep it past {@link Handler#row}.
     */
    private static final class CsvRow implements Row {
        private final Map<String, Integer> header;
        private final CsvRecord record;
        private long line;

        CsvRow(Map<String, Integer> header, CsvRecord record) {
            this.header = header;
            this.record = record;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public String text(String field) {
            Integer i = header.get(field);
            return i == null ? null : record.text(i);
        }

        @Override
        public JsonNode json(String field) {
            return tree(field, text(field));
        }

        @Override
        public JsonParser stream(String field) throws IOException {
            Integer i = header.get(field);
            if (i == null) {
                return null;
            }
            int n = record.unquoted(i);
            byte[] b = record.valueBytes(i);
            int from = record.valueStart(i);
            int to = from + n;
            while (from < to && (b[from] & 0xFF) <= ' ') {
                from++;
            }
            return from == to ? null : JSON.getFactory().createParser(b, from, to - from);
        }
    }
}
