package io.modelatlas.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A log's lines as bytes, one at a time, without their {@code \n} or {@code \r\n}: a bad byte spoils only its own
 * line (decoded strictly by {@link #text}), a UTF-8 byte order mark before the first line is dropped (spreadsheets
 * write one), and a line longer than {@link #MAX_LINE_BYTES} is skipped to its end rather than held in memory.
 * The bytes of the current line are {@code bytes()[0, length())}, valid until the next call of {@link #next}.
 */
final class LogLines {
    /** Room for a chat request with a few base64 images; a longer line is reported, not read. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[64 * 1024];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int end;
    private boolean eof;
    private byte[] line = new byte[1024];
    private int length;
    private boolean tooLong;
    private long number;
    private final long firstLine;
    private final boolean dropsByteOrderMark;

    LogLines(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    LogLines(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 0, true);
    }

    /**
     * The lines of a part of a log: its first line is number {@code linesBefore + 1}, and a byte order mark is dropped
     * from it only when the part starts the file ({@code fileStart}).
     */
    LogLines(InputStream in, long linesBefore, boolean fileStart) {
        this(in, MAX_LINE_BYTES, linesBefore, fileStart);
    }

    private LogLines(InputStream in, int maxLineBytes, long linesBefore, boolean fileStart) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.number = linesBefore;
        this.firstLine = linesBefore + 1;
        this.dropsByteOrderMark = fileStart;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        if (pos == end && !refill()) {
            return false;
        }
        number++;
        while (true) {
            int nl = indexOfNewline(buf, pos, end);
            int stop = nl < 0 ? end : nl;
            append(pos, stop);
            if (nl >= 0) {
                pos = nl + 1;
                break;
            }
            pos = end;
            if (!refill()) {
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (number == firstLine && dropsByteOrderMark && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
        }
        return true;
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (tooLong || n == 0) {
            return;
        }
        if (length + n > maxLineBytes) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + n, line.length * 2)));
        }
        System.arraycopy(buf, from, line, length, n);
        length += n;
    }

    private boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    /** The 1-based number of the current line. */
    long number() {
        return number;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Whether the current line was longer than the limit (its bytes are then not kept: {@link #length} is 0). */
    boolean tooLong() {
        return tooLong;
    }

    int maxLineBytes() {
        return maxLineBytes;
    }

    /** Whether the line holds nothing but spaces and tabs. */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The current line as text. @throws CharacterCodingException when it is not valid UTF-8 */
    String text() throws CharacterCodingException {
        return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
    }
}
