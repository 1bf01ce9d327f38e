package io.modelatlas.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a log file can be cut into parts that each start at a record, so that each part can be read on its own
 * thread by its own {@link LogReader} and give what a read of the whole file gives for its records. One scan from the
 * start of the file (it stops at the last cut) finds the cuts and counts the lines before each:
 * <ul>
 *   <li>our JSONL and CSV are read line by line, so any line start is a record start (our CSV's header line is read
 *       again before each part);</li>
 *   <li>another tool's CSV may hold line breaks in quoted fields: a line starts a record when the quotes before it
 *       since the last record's start are even, as {@link LogRows#csv} decides (its header record is read again before
 *       each part);</li>
 *   <li>a JSON export is cut only before a record that follows another record and a comma in the array that holds
 *       the records (a top-level array, or a top-level object's {@code data} list), or before a top-level object;
 *       strings and escapes are followed, so a bracket or quote inside a string is never taken for one. The part is
 *       read with the containers it sits in opened before it and closed after it, so it is a JSON text of its own.</li>
 * </ul>
 * A file that cannot be cut safely (a record longer than a reader keeps, JSON that is not well formed up to a cut)
 * gives one part: correctness first. A part's line numbers are the file's ({@link Range#linesBefore}).
 */
final class LogRanges {
    /** A record this long is past what the readers keep ({@link LogLines#MAX_LINE_BYTES}): no cut past it is trusted. */
    private static final long LONGEST_RECORD = LogLines.MAX_LINE_BYTES / 2;
    /** A header this long is not one to read again before every part. */
    private static final int LONGEST_HEADER = 1 << 20;

    private static final byte[] NOTHING = {};
    private static final byte[] ARRAY_OPEN = "[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ARRAY_CLOSE = "]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAGE_OPEN = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAGE_CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

    private LogRanges() {}

    /**
     * One part: the file's bytes {@code [start, end)}, read after {@code prefix} (a CSV header, or the JSON containers
     * the part sits in) and before {@code suffix} (their closing); its first line is the file's line
     * {@code linesBefore + 1}, counting the prefix's lines.
     */
    record Range(long start, long end, long linesBefore, byte[] prefix, byte[] suffix) {
        Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("a range runs from its start to its end, got " + start + ".." + end);
            }
        }

        boolean fileStart() {
            return start == 0;
        }

        InputStream open(Path file) throws IOException {
            return new SequenceInputStream(new ByteArrayInputStream(prefix),
                    new SequenceInputStream(new FileRange(FileChannel.open(file, StandardOpenOption.READ), start, end), new ByteArrayInputStream(suffix)));
        }
    }

    /** Where a part starts, the lines before it, what it is read after and before, and where the part before it ends. */
    private record Cut(long at, long linesBefore, byte[] prefix, byte[] suffixOfPrevious, long endOfPrevious) {}

    /**
     * The file in at most {@code parts} parts of about the same size, in file order; one part when it cannot be cut.
     *
     * @param json whether another tool's export is JSON (else CSV); our formats are read line by line either way
     */
    static List<Range> cut(Path file, LogFormat format, boolean json, int parts) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long[] targets = new long[Math.max(0, parts - 1)];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = Math.max(1, size * (k + 1) / parts);
            }
            Scan scan = !format.foreign() ? new LineScan(format == LogFormat.CSV, targets) : json ? new JsonScan(targets) : new QuotedCsvScan(targets);
            List<Cut> cuts = targets.length == 0 ? List.of() : scan.run(channel, size);
            if (cuts.isEmpty()) {
                return List.of(new Range(0, size, 0, NOTHING, NOTHING));
            }
            byte[] header = scan.header(channel);
            List<Range> ranges = new ArrayList<>();
            long start = 0;
            long linesBefore = 0;
            byte[] prefix = NOTHING;
            for (Cut c : cuts) {
                ranges.add(new Range(start, c.endOfPrevious(), linesBefore, prefix, c.suffixOfPrevious()));
                start = c.at();
                prefix = header != null ? header : c.prefix();
                linesBefore = c.linesBefore() - (header != null ? scan.headerLines() : 0);
            }
            ranges.add(new Range(start, size, linesBefore, prefix, NOTHING));
            return ranges;
        }
    }

    /** A scan of the file from its start for the cuts nearest after each target offset. */
    private abstract static class Scan {
        private final long[] targets;
        final List<Cut> cuts = new ArrayList<>();
        /** The newlines seen so far. */
        long lines;

        Scan(long[] targets) {
            this.targets = targets;
        }

        /** The offset the next cut is wanted at or after; past the last, none is. */
        final long nextTarget() {
            return cuts.size() < targets.length ? targets[cuts.size()] : Long.MAX_VALUE;
        }

        final List<Cut> run(FileChannel channel, long size) throws IOException {
            byte[] buf = new byte[1 << 20];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            long offset = 0;
            while (offset < size && cuts.size() < targets.length) {
                bb.clear();
                int n = channel.read(bb, offset);
                if (n <= 0) {
                    break;
                }
                if (!scan(buf, n, offset, size)) {
                    return List.of();
                }
                offset += n;
            }
            return cuts;
        }

        /** Scans {@code buf[0, n)}, the bytes at {@code offset} of the file; false when the file cannot be cut. */
        abstract boolean scan(byte[] buf, int n, long offset, long size);

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
    private static final class LineScan extends Scan {
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
        boolean scan(byte[] buf, int n, long offset, long size) {
            for (int i = 0; i < n; i++) {
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
                    cuts.add(new Cut(next, lines, NOTHING, NOTHING, next));
                    if (nextTarget() == Long.MAX_VALUE) {
                        return true;
                    }
                }
            }
            return true;
        }

        @Override
        byte[] header(FileChannel channel) throws IOException {
            return csv ? read(channel, headerStart, headerEnd) : null;
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
    private static final class QuotedCsvScan extends Scan {
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
        boolean scan(byte[] buf, int n, long offset, long size) {
            for (int i = 0; i < n; i++) {
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
                    cuts.add(new Cut(next, lines, NOTHING, NOTHING, next));
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

        @Override
        byte[] header(FileChannel channel) throws IOException {
            return read(channel, headerStart, headerEnd);
        }

        @Override
        int headerLines() {
            return headerLines;
        }
    }

    /**
     * A JSON export: the containers open at each byte (outside strings), to find the objects that are records of the
     * array that holds them. A top-level object's {@code data} array is told by the string before its colon.
     */
    private static final class JsonScan extends Scan {
        private static final int OBJECT = 1;
        private static final int ARRAY = 2;
        /** A top-level object's {@code data} array: a page's records, as JsonRows reads them. */
        private static final int DATA = 3;
        private static final byte[] DATA_KEY = {'d', 'a', 't', 'a'};

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
        boolean scan(byte[] buf, int n, long offset, long size) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (inString) {
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
                        stringLength = 0;
                        stringIsData = true;
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
        private boolean cut(long at) {
            if (depth == 0) {
                cuts.add(new Cut(at, lines, NOTHING, NOTHING, at));
            } else if (gap == 1 && recordsHere() != null) {
                byte[][] around = recordsHere();
                cuts.add(new Cut(at, lines, around[0], around[1], recordEnd));
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

    /** The bytes {@code [start, end)} of a file, read at their positions. */
    private static final class FileRange extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        FileRange(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) {
                return -1;
            }
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
