package io.modelatlas.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part straight from the request stream: a part's body is
 * an InputStream that ends at the next boundary, so a large file is never held in memory or written to disk (unlike
 * the servlet container's multipart support, which spools big parts to temporary files).
 *
 * <pre>
 * MultipartStream body = MultipartStream.of(contentType, in);
 * for (MultipartStream.Part p = body.next(); p != null; p = body.next()) { ... p.name(), p.filename(), p.body() ... }
 * </pre>
 */
final class MultipartStream {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    private final InputStream in;
    /** CRLF "--" boundary: what ends a part's body. */
    private final byte[] delimiter;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean finished;
    private PartBody open;

    private MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** @throws IllegalArgumentException when the content type is not multipart/form-data with a boundary */
    static MultipartStream of(String contentType, InputStream in) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("expected a multipart/form-data upload, got " + (contentType == null ? "no content type" : contentType));
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("the multipart/form-data content type names no boundary");
        }
        return new MultipartStream(in, m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** One field or file of the form. Its body must be read (or skipped) before the next part is asked for. */
    record Part(String name, String filename, InputStream body) {
        String text() throws IOException {
            return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    /** The next part, or null after the last one. */
    Part next() throws IOException {
        if (open != null) {
            open.skipRest();
            open = null;
        } else if (!finished && pos == 0 && end == 0) {
            // the body starts with "--boundary" (no CRLF before the first delimiter); a preamble is skipped
            if (!skipTo(delimiter, 2)) {
                throw new IllegalArgumentException("the upload has no multipart boundary");
            }
        }
        if (finished) {
            return null;
        }
        // after a delimiter: "--" ends the body, else CRLF and the part's headers
        fill(2);
        if (end - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        String headers = readHeaders();
        Matcher name = NAME.matcher(headers);
        Matcher filename = FILENAME.matcher(headers);
        open = new PartBody();
        return new Part(name.find() ? name.group(1) : "", filename.find() ? filename.group(1) : null, open);
    }

    /** Skips past the next occurrence of delimiter (from offset {@code from} of it); false at the end of input. */
    private boolean skipTo(byte[] d, int from) throws IOException {
        int len = d.length - from;
        while (true) {
            fill(len);
            if (end - pos < len) {
                return false;
            }
            int i = indexOf(d, from, len, end);
            if (i >= 0) {
                pos = i + len;
                return true;
            }
            pos = Math.max(pos, end - len + 1);
        }
    }

    private String readHeaders() throws IOException {
        StringBuilder h = new StringBuilder();
        int seen = 0;
        while (true) {
            fill(1);
            if (end == pos) {
                throw new IllegalArgumentException("the upload ends inside a part's headers");
            }
            char c = (char) (buf[pos++] & 0xff);
            h.append(c);
            if (++seen > MAX_HEADER_BYTES) {
                throw new IllegalArgumentException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int n = h.length();
            if (n >= 4 && h.charAt(n - 4) == '\r' && h.charAt(n - 3) == '\n' && h.charAt(n - 2) == '\r' && h.charAt(n - 1) == '\n') {
                return new String(h.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
    }

    /** Makes at least {@code want} bytes available from pos if the input has them (compacting the buffer). */
    private void fill(int want) throws IOException {
        if (end - pos >= want) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        while (end < want) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                return;
            }
            end += n;
        }
    }

    /** Where d[from..] starts in buf[pos, limit), or -1. */
    private int indexOf(byte[] d, int from, int len, int limit) {
        outer:
        for (int i = pos; i + len <= limit; i++) {
            for (int k = 0; k < len; k++) {
                if (buf[i + k] != d[from + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A part's bytes up to the next delimiter. */
    private final class PartBody extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            fill(delimiter.length);
            if (end == pos) {
                throw new IllegalArgumentException("the upload ends inside a part (no closing boundary)");
            }
            // look only as far as this read can return, so reading in small chunks does not rescan the buffer
            int window = (int) Math.min(end, (long) pos + len + delimiter.length - 1);
            int at = indexOf(delimiter, 0, delimiter.length, window);
            // bytes that cannot be the start of a delimiter are body; keep a possible partial delimiter for later
            int safe = at >= 0 ? at : Math.max(pos, window - delimiter.length + 1);
            if (safe == pos) {
                if (at == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                if (end - pos < delimiter.length) {
                    throw new IllegalArgumentException("the upload ends inside a part (no closing boundary)");
                }
            }
            int n = Math.min(len, safe - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
