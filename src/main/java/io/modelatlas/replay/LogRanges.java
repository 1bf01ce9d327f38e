package io.modelatlas.replay;

import static io.modelatlas.replay.CutScans.NOTHING;
import static io.modelatlas.replay.CutScans.space;

import io.modelatlas.replay.CutScans.Cut;
import io.modelatlas.replay.CutScans.Scan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 *   <li>a JSON array of records laid out one a line (the large exports) is cut before a line that opens the next
 *       element after {@code "},"}; the read proves the guess (see CutScans.ArrayLineScan);</li>
 *   <li>other JSON is cut only before a record that follows another record and a comma in a top-level object's
 *       {@code data} list, or before a top-level object; strings and escapes are followed, so a bracket or quote
 *       inside a string is never taken for one.</li>
 * </ul>
 * A JSON part is read with the containers it sits in opened before it and closed after it, so it is a JSON text of
 * its own.
 * A file that cannot be cut safely (a record longer than a reader keeps, JSON that is not well formed up to a cut)
 * gives one part: correctness first. A part's line numbers are the file's ({@link Range#linesBefore}).
 */
final class LogRanges {
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
                scan = new CutScans.LineScan(format == LogFormat.CSV, targets);
            } else if (!json) {
                scan = new CutScans.QuotedCsvScan(targets);
            } else {
                int indent = recordIndent(file);
                scan = indent >= 0 ? new CutScans.ArrayLineScan(targets, indent) : new CutScans.JsonScan(targets);
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
