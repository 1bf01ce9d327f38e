package io.modelatlas.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The scans {@link LogRanges} runs from the start of a file to find where it can be cut: one per way a format's
 * records start (lines, quoted CSV records, lines of a JSON array, any JSON), each telling a part its cut as soon as
 * it is found.
 */
final class CutScans {
    private CutScans() {}

    /** A record this long is past what the readers keep ({@link LogLines#MAX_LINE_BYTES}): no cut past it is trusted. */
    static final long LONGEST_RECORD = LogLines.MAX_LINE_BYTES / 2;
    /** A header this long is not one to read again before every part. */
    static final int LONGEST_HEADER = 1 << 20;

    static final byte[] NOTHING = {};
    static final byte[] ARRAY_OPEN = "[".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ARRAY_CLOSE = "]".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PAGE_OPEN = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PAGE_CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

    /** JSON's whitespace. */
    static boolean space(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /**
     * Where a part starts, the lines before it (counting its prefix's), what it is read after, and where the part
     * before it ends and what that part is read before.
     */
    record Cut(long at, long linesBefore, byte[] prefix, byte[] suffixOfPrevious, long endOfPrevious) {}

    /** A scan of the file from its start for the cuts nearest after each target offset. */
    abstract static class Scan {
        private final long[] targets;
        private int made;
        List<CompletableFuture<Cut>> found;
        FileChannel channel;
        /** The newlines seen so far. */
        long lines;

        Scan(long[] targets) {
            this.targets = targets;
        }

        /** The offset the next cut is wanted at or after; past the last, none is. */
        final long nextTarget() {
            return made < targets.length ? targets[made] : Long.MAX_VALUE;
        }

        /** A cut found: the part it starts is told at once. */
        final void cut(long at, long newlinesBefore, byte[] prefix, byte[] suffixOfPrevious, long endOfPrevious) throws IOException {
            byte[] header = header(channel);
            made++;
            found.get(made).complete(header == null ? new Cut(at, newlinesBefore, prefix, suffixOfPrevious, endOfPrevious)
                    : new Cut(at, newlinesBefore - headerLines(), header, suffixOfPrevious, endOfPrevious));
        }

        final void run(FileChannel channel, long size) throws IOException {
            this.channel = channel;
            byte[] buf = new byte[1 << 20];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            long offset = 0;
            while (offset < size && made < targets.length) {
                bb.clear();
                int n = channel.read(bb, offset);
                if (n <= 0) {
                    break;
                }
                if (!scan(buf, n, offset, size)) {
                    return;
                }
                offset += n;
            }
        }

        /** Scans {@code buf[0, n)}, the bytes at {@code offset} of the file; false when the file cannot be cut. */
        abstract boolean scan(byte[] buf, int n, long offset, long size) throws IOException;

        /** The header record to read before every part but the first (no line break at its end), or null. */
        byte[] header(FileChannel channel) throws IOException {
            return null;
        }

        int headerLines() {
            return 0;
        }

        static byte[] read(FileChannel channel, long from, long to) throws IOException {
            byte[] b = new byte[(int) (to - from)];
            ByteBuffer bb = ByteBuffer.wrap(b);
            while (bb.hasRemaining() && channel.read(bb, from + bb.position()) > 0) {
                // read on
            }
            if (b.length >= 3 && from == 0 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
                b = Arrays.copyOfRange(b, 3, b.length);
            }
            byte[] withBreak = Arrays.copyOf(b, b.length + 1);
            withBreak[b.length] = '\n';
            return withBreak;
        }

        static boolean blank(byte b, long at) {
            return b == ' ' || b == '\t' || b == '\r' || at < 3 && (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF);
        }
    }

    /** Our JSONL and CSV: every line start is a record start; a CSV's header is its first line that is not blank. */
    static final class LineScan extends Scan {
        private final boolean csv;
        private long lineStart;
        private boolean lineBlank = true;
        private long headerStart = -1;
        private long headerEnd = -1;

        LineScan(boolean csv, long[] targets) {
            super(targets);
            this.csv = csv;
        }

        @Override
        boolean scan(byte[] buf, int n, long offset, long size) throws IOException {
            for (int i = 0; i < n; i++) {
                if (!csv || !lineBlank) {
                    while (i < n && buf[i] != '\n') {
                        i++;
                    }
                    if (i == n) {
                        break;
                    }
                }
                byte b = buf[i];
                if (b != '\n') {
                    if (csv && lineBlank && !blank(b, offset + i)) {
                        lineBlank = false;
                    }
                    continue;
                }
                lines++;
                long next = offset + i + 1;
                if (csv && headerEnd < 0) {
                    if (!lineBlank) {
                        headerStart = lineStart;
                        headerEnd = offset + i;
                        if (headerEnd - headerStart > LONGEST_HEADER) {
                            return false;
                        }
                    }
                    lineStart = next;
                    lineBlank = true;
                    continue;
                }
                if (next >= nextTarget() && next < size) {
                    cut(next, lines, NOTHING, NOTHING, next);
                    if (nextTarget() == Long.MAX_VALUE) {
                        return true;
                    }
                }
            }
            return true;
        }

        private byte[] header;

        @Override
        byte[] header(FileChannel channel) throws IOException {
            if (csv && header == null) {
                header = read(channel, headerStart, headerEnd);
            }
            return header;
        }

        @Override
        int headerLines() {
            return csv ? 1 : 0;
        }
    }

    /**
     * Another tool's CSV: a line break ends a record when the quotes of the record so far are even (a doubled quote
     * inside a quoted field counts twice, so it keeps the field open). The header is the first record that is not blank.
     */
    static final class QuotedCsvScan extends Scan {
        private boolean open;
        private long recordStart;
        private long recordLines;
        private boolean recordBlank = true;
        private long headerStart = -1;
        private long headerEnd = -1;
        private int headerLines;

        QuotedCsvScan(long[] targets) {
            super(targets);
        }

        @Override
        boolean scan(byte[] buf, int n, long offset, long size) throws IOException {
            for (int i = 0; i < n; i++) {
                if (!recordBlank) {
                    while (i < n && buf[i] != '"' && buf[i] != '\n') {
                        i++;
                    }
                    if (i == n) {
                        break;
                    }
                }
                byte b = buf[i];
                if (b == '"') {
                    open = !open;
                    recordBlank = false;
                    continue;
                }
                if (b != '\n') {
                    if (recordBlank && !blank(b, offset + i)) {
                        recordBlank = false;
                    }
                    continue;
                }
                lines++;
                recordLines++;
                long at = offset + i;
                if (at - recordStart > LONGEST_RECORD) {
                    return false;
                }
                if (open) {
                    continue;
                }
                long next = at + 1;
                if (headerEnd < 0 && !recordBlank) {
                    headerStart = recordStart;
                    headerEnd = at;
                    headerLines = (int) recordLines;
                    if (headerEnd - headerStart > LONGEST_HEADER) {
                        return false;
                    }
                } else if (headerEnd >= 0 && next >= nextTarget() && next < size) {
                    cut(next, lines, NOTHING, NOTHING, next);
                    if (nextTarget() == Long.MAX_VALUE) {
                        return true;
                    }
                }
                recordStart = next;
                recordLines = 0;
                recordBlank = true;
            }
            return true;
        }

        private byte[] header;

        @Override
        byte[] header(FileChannel channel) throws IOException {
            if (header == null) {
                header = read(channel, headerStart, headerEnd);
            }
            return header;
        }

        @Override
        int headerLines() {
            return headerLines;
        }
    }

    /**
     * A JSON array of records written one record a line (or indented, one record a block): only line breaks are
     * looked at, since a raw line break cannot sit inside a JSON string. A cut is made before a line whose first
     * byte (after the first record's indent) opens an object, when the last bytes before the line break are a
     * closing brace and a comma: the next element of an array. That it is an element of the top-level array is not
     * proved here but by the read: the part before the cut is read with one bracket closing it, which is well formed
     * only when exactly the top-level array is open there; when it is not, that part fails as malformed JSON and the
     * file is read again in one go (FileReplay). Many times faster than following every string and bracket.
     */
    static final class ArrayLineScan extends Scan {
        private final int indent;

        ArrayLineScan(long[] targets, int indent) {
            super(targets);
            this.indent = indent;
        }

        @Override
        boolean scan(byte[] buf, int n, long offset, long size) throws IOException {
            int i = 0;
            while (i < n) {
                while (i < n && buf[i] != '\n') {
                    i++;
                }
                if (i == n) {
                    return true;
                }
                lines++;
                int newline = i++;
                if (offset + i < nextTarget()) {
                    continue;
                }
                // the line's first byte past the indent, and the last two bytes before the break that are not blank;
                // a candidate cut across the buffer's edge is left for the next line
                int first = i;
                while (first < n && (buf[first] == ' ' || buf[first] == '\t')) {
                    first++;
                }
                int last = newline - 1;
                while (last >= 0 && space(buf[last])) {
                    last--;
                }
                int comma = last;
                int brace = last - 1;
                while (brace >= 0 && space(buf[brace])) {
                    brace--;
                }
                // the part before ends after the brace: at or after its target, so its reader never reads past it
                if (first < n && first - i == indent && buf[first] == '{' && comma >= 0 && buf[comma] == ',' && brace >= 0 && buf[brace] == '}'
                        && offset + brace + 1 >= nextTarget()) {
                    cut(offset + first, lines, ARRAY_OPEN, ARRAY_CLOSE, offset + brace + 1);
                    if (nextTarget() == Long.MAX_VALUE) {
                        return true;
                    }
                }
            }
            return true;
        }
    }

    /**
     * A JSON export: the containers open at each byte (outside strings), to find the objects that are records of the
     * array that holds them. A top-level object's {@code data} array is told by the string before its colon.
     */
    static final class JsonScan extends Scan {
        static final int OBJECT = 1;
        static final int ARRAY = 2;
        /** A top-level object's {@code data} array: a page's records, as JsonRows reads them. */
        static final int DATA = 3;
        static final byte[] DATA_KEY = {'d', 'a', 't', 'a'};

        private int[] stack = new int[64];
        private int depth;
        private boolean inString;
        private boolean escaped;
        private int stringLength;
        private boolean stringIsData;
        private boolean lastStringIsData;
        private byte previous;
        /** After a record of a records array closed: 0, then 1 after its comma; -1 once anything else came. */
        private int gap = -1;
        private long recordEnd;

        JsonScan(long[] targets) {
            super(targets);
        }

        @Override
        boolean scan(byte[] buf, int n, long offset, long size) throws IOException {
            for (int i = 0; i < n; i++) {
                if (inString) {
                    if (!escaped && stringLength > DATA_KEY.length) {
                        // past what tells a key: on to the next quote, backslash or line break
                        while (i < n && buf[i] != '"' && buf[i] != '\\' && buf[i] != '\n') {
                            i++;
                        }
                        if (i == n) {
                            break;
                        }
                    }
                    byte b = buf[i];
                    if (escaped) {
                        escaped = false;
                        stringIsData = false;
                    } else if (b == '\\') {
                        escaped = true;
                        stringIsData = false;
                    } else if (b == '"') {
                        inString = false;
                        lastStringIsData = stringIsData && stringLength == DATA_KEY.length;
                        previous = '"';
                    } else if (b == '\n') {
                        return false; // a raw line break is not allowed in a JSON string: not well formed
                    } else {
                        stringIsData &= stringLength < DATA_KEY.length && b == DATA_KEY[stringLength];
                        stringLength++;
                    }
                    continue;
                }
                byte b = buf[i];
                switch (b) {
                    case ' ', '\t', '\r' -> {
                        continue;
                    }
                    case '\n' -> {
                        lines++;
                        continue;
                    }
                    case '"' -> {
                        inString = true;
                        // only a top-level object's key can name its data array: any other string is skipped whole
                        stringIsData = depth == 1 && stack[0] == OBJECT;
                        stringLength = stringIsData ? 0 : DATA_KEY.length + 1;
                        gap = -1;
                    }
                    case '{' -> {
                        long at = offset + i;
                        if (at >= nextTarget() && !cut(at)) {
                            return true;
                        }
                        push(OBJECT);
                        gap = -1;
                    }
                    case '[' -> {
                        push(depth == 1 && stack[0] == OBJECT && previous == ':' && lastStringIsData ? DATA : ARRAY);
                        gap = -1;
                    }
                    case '}', ']' -> {
                        if (depth == 0 || (b == '}') != (stack[depth - 1] == OBJECT)) {
                            return false;
                        }
                        depth--;
                        gap = -1;
                        if (b == '}' && recordsHere() != null) {
                            gap = 0;
                            recordEnd = offset + i + 1;
                        }
                    }
                    case ',' -> gap = gap == 0 ? 1 : -1;
                    default -> gap = -1;
                }
                previous = b;
            }
            return true;
        }

        /** Cuts before the object at {@code at} when it starts a record; false once the last cut is made. */
        private boolean cut(long at) throws IOException {
            if (depth == 0) {
                cut(at, lines, NOTHING, NOTHING, at);
            } else if (gap == 1 && recordsHere() != null && recordEnd >= nextTarget()) {
                // the part before ends at the record before this one: at or after its target, so a reader never
                // reads past a part's end while it waits for the scan
                byte[][] around = recordsHere();
                cut(at, lines, around[0], around[1], recordEnd);
            } else {
                return true;
            }
            return nextTarget() != Long.MAX_VALUE;
        }

        /** What opens and closes the records array the scan is in, or null when it is in none. */
        private byte[][] recordsHere() {
            if (depth == 1 && stack[0] == ARRAY) {
                return new byte[][] {ARRAY_OPEN, ARRAY_CLOSE};
            }
            if (depth == 2 && stack[1] == DATA) {
                return new byte[][] {PAGE_OPEN, PAGE_CLOSE};
            }
            return null;
        }

        private void push(int container) {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = container;
        }
    }
}
