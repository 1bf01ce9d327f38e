package io.modelatlas.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Passes bytes through and fails with the given {@link BodyTooLargeException} once more than {@code limit} have been
 * read: a body sent in chunks declares no length, so counting is the only way to stop it.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final Supplier<BodyTooLargeException> tooLarge;
    private long read;

    /** A request's body: refused at once when its declared length is over {@code limit}, else counted as it is read. */
    static InputStream of(io.javalin.http.Context c, long limit, Supplier<BodyTooLargeException> tooLarge) throws java.io.IOException {
        if (c.req().getContentLengthLong() > limit) {
            throw tooLarge.get();
        }
        return new LimitedInputStream(c.req().getInputStream(), limit, tooLarge);
    }

    LimitedInputStream(InputStream in, long limit, Supplier<BodyTooLargeException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw tooLarge.get();
        }
    }
}
