package io.modelatlas.replay;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One CSV record (RFC 4180, as {@link io.modelatlas.text.Csv#split} reads it) kept as its UTF-8 bytes, with where
 * each field starts and ends: a field becomes a String only when it is asked for. A spend log's row has some twenty
 * columns of which replay reads six, and its JSON columns are the bulk of its bytes; decoding them all, and
 * splitting them into Strings, cost more than pricing the request. The buffers are reused from record to record.
 */
final class CsvRecord {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] bytes = new byte[4096];
    private int length;
    private int quotes;
    private boolean ascii = true;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];
    private int fields;
    private byte[] scratch = new byte[1024];

    /** Starts a record with one line's bytes, {@code line[0, n)}. */
    void start(byte[] line, int n) {
        length = 0;
        quotes = 0;
        ascii = true;
        fields = 0;
        append(line, n);
    }

    /** Adds the next line of a record whose quoted field holds a line break. */
    void continueWith(byte[] line, int n) {
        ensure(length + 1 + n);
        bytes[length++] = '\n';
        append(line, n);
    }

    private void append(byte[] line, int n) {
        ensure(length + n);
        System.arraycopy(line, 0, bytes, length, n);
        int q = 0;
        boolean high = false;
        for (int i = 0; i < n; i++) {
            byte b = line[i];
            if (b == '"') {
                q++;
            } else if (b < 0) {
                high = true;
            }
        }
        quotes += q;
        ascii &= !high;
        length += n;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    /** Whether a quoted field is still open: an odd number of quotes so far, so the record goes on. */
    boolean open() {
        return (quotes & 1) == 1;
    }

    /** The record's length in bytes. */
    int length() {
        return length;
    }

    /** @throws CharacterCodingException when the record is not valid UTF-8 (checked only when a byte is not ASCII) */
    void checkUtf8() throws CharacterCodingException {
        if (!ascii) {
            utf8.decode(ByteBuffer.wrap(bytes, 0, length));
        }
    }

    /**
     * Finds the fields: commas outside double quotes separate them, as {@code Csv.split} reads a line.
     * @throws IllegalArgumentException when a quoted field is not closed
     */
    void split() {
        fields = 0;
        boolean inQuotes = false;
        boolean hadQuote = false;
        int start = 0;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                hadQuote = true;
                inQuotes = !inQuotes; // a doubled quote inside quotes closes and reopens: same result
            } else if (b == ',' && !inQuotes) {
                add(start, i, hadQuote);
                start = i + 1;
                hadQuote = false;
            }
        }
        if (inQuotes) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        add(start, length, hadQuote);
    }

    private void add(int start, int end, boolean hadQuote) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        quoted[fields] = hadQuote;
        fields++;
    }

    int fields() {
        return fields;
    }

    /** The field's text, quotes taken off and spaces around it trimmed; null when that leaves nothing. */
    String text(int field) {
        int n = unquoted(field);
        byte[] b = quoted[field] ? scratch : bytes;
        int from = quoted[field] ? 0 : starts[field];
        int to = from + n;
        while (from < to && (b[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        if (from == to) {
            return null;
        }
        // ASCII needs no decoding: ISO-8859-1 copies each byte to a char
        return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * The field's bytes without its quotes: {@link #valueBytes()}{@code [valueStart(), valueStart() + n)} where n is
     * returned; valid until the next call.
     */
    int unquoted(int field) {
        if (!quoted[field]) {
            return ends[field] - starts[field];
        }
        int from = starts[field];
        int to = ends[field];
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, scratch.length * 2)];
        }
        int n = 0;
        boolean inQuotes = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (inQuotes) {
                if (b == '"' && i + 1 < to && bytes[i + 1] == '"') {
                    scratch[n++] = '"';
                    i++;
                } else if (b == '"') {
                    inQuotes = false;
                } else {
                    scratch[n++] = b;
                }
            } else if (b == '"') {
                inQuotes = true;
            } else {
                scratch[n++] = b;
            }
        }
        return n;
    }

    /** The array {@link #unquoted} left the field's bytes in. */
    byte[] valueBytes(int field) {
        return quoted[field] ? scratch : bytes;
    }

    /** Where in {@link #valueBytes} the field's bytes start. */
    int valueStart(int field) {
        return quoted[field] ? 0 : starts[field];
    }
}
