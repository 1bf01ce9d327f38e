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
import java.util.concurrent.CompletableFuture;

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

    /** JSON's whitespace. */
    private static boolean space(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

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

    /**
     * Where a part starts, the lines before it (counting its prefix's), what it is read after, and where the part
     * before it ends and what that part is read before.
     */
    private record Cut(long at, long linesBefore, byte[] prefix, byte[] suffixOfPrevious, long endOfPrevious) {}

    /**
     * The file in at most {@code parts} parts of about the same size, in file order; one part when it cannot be cut.
     * The scan runs to its end first (see {@link Plan} for reading while it runs).
     *
     * @param json whether another tool's export is JSON (else CSV); our formats are read line by line either way
     */
    static List<Range> cut(Path file, LogFormat format, boolean json, int parts) throws IOException {
        Plan plan = Plan.of(file, format, json, parts);
        plan.scan();
        List<Range> ranges = new ArrayList<>();
        for (int k = 0; k < plan.parts(); k++) {
            Cut from = plan.cut(k);
            if (from == null) {
                break;
            }
            Cut to = k + 1 < plan.parts() ? plan.cut(k + 1) : null;
            ranges.add(new Range(from.at(), to == null ? plan.size : to.endOfPrevious(), from.linesBefore(), from.prefix(), to == null ? NOTHING : to.suffixOfPrevious()));
        }
        return ranges;
    }

    /**
     * The parts of a file while the scan for their cuts runs: the first part can be read from the start at once, and
     * every part up to the offset its end is wanted at ({@link #open}) before its end is known; the reader then waits
     * for the scan (which is many times faster than reading) to find it. When the scan finds no further cut, the part
     * runs to the end of the file: a file that cannot be cut is read whole by the first part, as one read would.
     */
    static final class Plan {
        private final Path file;
        private final long size;
        private final long[] targets;
        private final Scan scan;
        /** Per part, its cut: null when the part does not exist (no cut was found for it). */
        private final List<CompletableFuture<Cut>> cuts = new ArrayList<>();

        private Plan(Path file, long size, long[] targets, Scan scan) {
            this.file = file;
            this.size = size;
            this.targets = targets;
            this.scan = scan;
            cuts.add(CompletableFuture.completedFuture(new Cut(0, 0, NOTHING, NOTHING, 0)));
            for (int k = 0; k < targets.length; k++) {
                cuts.add(new CompletableFuture<>());
            }
            scan.found = cuts;
        }

        static Plan of(Path file, LogFormat format, boolean json, int parts) throws IOException {
            long size = java.nio.file.Files.size(file);
            long[] targets = new long[Math.max(0, parts - 1)];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = Math.max(1, size * (k + 1) / parts);
            }
            Scan scan;
            if (!format.foreign()) {
                scan = new LineScan(format == LogFormat.CSV, targets);
            } else if (!json) {
                scan = new QuotedCsvScan(targets);
            } else {
                int indent = recordIndent(file);
                scan = indent >= 0 ? new ArrayLineScan(targets, indent) : new JsonScan(targets);
            }
            return new Plan(file, size, targets, scan);
        }

        int parts() {
            return cuts.size();
        }

        /**
         * For a JSON file that opens with an array (the large exports: LiteLLM's /spend/logs, OpenRouter's rows), the
         * number of spaces and tabs before its first record on that record's line (0 when the record follows the
         * bracket on its line); -1 for any other JSON (pages, JSON Lines), which the full scan reads.
         */
        private static int recordIndent(Path file) throws IOException {
            byte[] head;
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                head = in.readNBytes(64 * 1024);
            }
            int i = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
            while (i < head.length && space(head[i])) {
                i++;
            }
            if (i == head.length || head[i] != '[') {
                return -1;
            }
            i++;
            int indent = 0;
            while (i < head.length && space(head[i])) {
                indent = head[i] == '\n' || head[i] == '\r' ? 0 : indent + 1;
                i++;
            }
            return i < head.length && head[i] == '{' ? indent : -1;
        }

        /**
         * Scans the file for the cuts, telling each part its cut as soon as it is found; a part whose cut is not found
         * (the file ends first, or cannot be cut past there) is told null. Run it on its own thread.
         */
        void scan() {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                scan.run(channel, size);
            } catch (IOException | RuntimeException e) {
                // no cut is trusted past a failed scan: the parts before it run to the end of the file
            } finally {
                for (CompletableFuture<Cut> c : cuts) {
                    c.complete(null);
                }
            }
        }

        /** Part k's cut, waiting for the scan to find it; null when part k does not exist. */
        Cut cut(int k) {
            return cuts.get(k).join();
        }

        /** Whether part k exists: waits for the scan to get there. */
        boolean exists(int k) {
            return cut(k) != null;
        }

        long linesBefore(int k) {
            return cut(k).linesBefore();
        }

        /** Part k's bytes with its prefix and suffix; the end (and the suffix) are waited for once the reading gets near. */
        InputStream open(int k) throws IOException {
            Cut from = cut(k);
            long wanted = k < targets.length ? targets[k] : size;
            CompletableFuture<Cut> next = k + 1 < cuts.size() ? cuts.get(k + 1) : CompletableFuture.completedFuture(null);
            FileRange range = new FileRange(FileChannel.open(file, StandardOpenOption.READ), from.at(), wanted, next, size);
            return new SequenceInputStream(new ByteArrayInputStream(from.prefix()), new SequenceInputStream(range, range.suffix()));
        }
    }

    /** A scan of the file from its start for the cuts nearest after each target offset. */
    private abstract static class Scan {
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
    private static final class ArrayLineScan extends Scan {
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

    /**
     * The bytes of a part, read at their positions: up to {@code wanted} (at or before the part's end, whatever the
     * scan finds), then up to the end the next part's cut gives, once the scan has found it (the end of the file when
     * it finds none).
     */
    private static final class FileRange extends InputStream {
        private final FileChannel channel;
        private long position;
        private long end;
        private final CompletableFuture<Cut> next;
        private final long size;
        private boolean endKnown;

        FileRange(FileChannel channel, long start, long end) {
            this(channel, start, end, null, end);
            this.endKnown = true;
        }

        FileRange(FileChannel channel, long start, long wanted, CompletableFuture<Cut> next, long size) {
            this.channel = channel;
            this.position = start;
            this.end = Math.max(start, wanted);
            this.next = next;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end && !endKnown) {
                Cut c = next.join();
                end = c == null ? size : c.endOfPrevious();
                endKnown = true;
            }
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

        /** What the part is read before: known once its end is (read after the range, so by then it is). */
        InputStream suffix() {
            return new InputStream() {
                private ByteArrayInputStream bytes;

                private ByteArrayInputStream bytes() {
                    if (bytes == null) {
                        Cut c = next == null ? null : next.join();
                        bytes = new ByteArrayInputStream(c == null ? NOTHING : c.suffixOfPrevious());
                    }
                    return bytes;
                }

                @Override
                public int read() {
                    return bytes().read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes().read(b, off, len);
                }
            };
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
