package io.modelatlas.catalog.source;

import io.modelatlas.text.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rows of a bundled CSV table: the header checked (a byte-order mark and surrounding space aside), blank lines
 * skipped, each row split per RFC 4180 and its field count checked, every error naming the file and line.
 */
final class CsvTable {

    /** What a table does with one row: its fields, and its line number for errors. */
    interface Row {
        void accept(List<String> fields, int lineNo);
    }

    private CsvTable() {}

    static void read(BufferedReader reader, String file, String header, Row row) {
        int columns = Csv.split(header).size();
        try {
            String first = reader.readLine();
            if (first != null && first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            if (first == null || !first.trim().equals(header)) {
                throw new SourceFormatException(file, "line 1", "expected the header " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields;
                try {
                    fields = Csv.split(line);
                } catch (IllegalArgumentException e) {
                    throw new SourceFormatException(file, "line " + lineNo, e.getMessage());
                }
                if (fields.size() != columns) {
                    throw new SourceFormatException(file, "line " + lineNo, "expected " + columns + " fields, got " + fields.size());
                }
                row.accept(fields, lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
